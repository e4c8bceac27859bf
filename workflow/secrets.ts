/**
 * Keeping secrets out of everything a run reports: each `{{NAME}}` value the workflow uses and
 * every API key are replaced, in every string and object key, by `{{NAME}}` (or `[REDACTED]` for a
 * key typed into a field), whether they appear as typed, JSON-escaped, URL-encoded or base64.
 */

export interface Secret {
  value: string
  /** What replaces it: the `{{NAME}}` it came from, or `[REDACTED]`. */
  label: string
}

export const REDACTED = '[REDACTED]'
/**
 * Shorter values are not masked: they cannot be a key, and replacing them would mangle ordinary
 * text (`MODE=live` inside "delivered"). The same bound as executeTool's key redaction.
 */
export const MIN_SECRET_LENGTH = 6

/** The forms a secret can take once it has been put in a URL, a JSON body or a header. */
function encodingsOf(value: string): string[] {
  const forms = [
    value,
    JSON.stringify(value).slice(1, -1),
    encodeURIComponent(value),
    encodeURIComponent(value).replaceAll('%20', '+'),
    encodeURI(value),
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('base64url'),
  ]
  return [...new Set(forms)].filter((form) => form.length > 0)
}

export type Mask = <T>(value: T) => T

export function createMask(secrets: Secret[]): Mask {
  // Longest first, so a secret that contains another is replaced whole.
  const replacements = secrets
    .filter(({ value }) => value.length >= MIN_SECRET_LENGTH)
    .flatMap(({ value, label }) => encodingsOf(value).map((form) => ({ form, label })))
    .sort((a, b) => b.form.length - a.form.length)
  if (replacements.length === 0) return (value) => value
  const maskText = (text: string) =>
    replacements.reduce((masked, { form, label }) => masked.replaceAll(form, label), text)
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return maskText(value)
    if (Array.isArray(value)) return value.map(walk)
    if (value instanceof Error) return new Error(maskText(value.message))
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [maskText(key), walk(inner)])
      )
    }
    return value
  }
  return walk as Mask
}

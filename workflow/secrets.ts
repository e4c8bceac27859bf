/**
 * Keeping secrets out of everything a run reports: each `{{NAME}}` value the workflow uses and
 * every API key are replaced, in every string and object key, by `{{NAME}}` (or `[REDACTED]` for a
 * key typed into a field), in every spelling executeTool's redactor knows (as typed, JSON- and
 * `\u`-escaped, percent- or form-encoded, HTML references, mixed) and in base64.
 */
import { MIN_SECRET_LENGTH, REDACTED, redactor } from '../tools/runtime/redaction.js'

export interface Secret {
  value: string
  /** What replaces it: the `{{NAME}}` it came from, or `[REDACTED]`. */
  label: string
}

// Shorter values than MIN_SECRET_LENGTH are not masked: they cannot be a key, and replacing them
// would mangle ordinary text (`MODE=live` inside "delivered").
export { MIN_SECRET_LENGTH, REDACTED }

/** Base64 hides a secret whole, so those spellings are matched whole; the rest are the redactor's. */
const base64FormsOf = (value: string) => [
  ...new Set([Buffer.from(value).toString('base64'), Buffer.from(value).toString('base64url')]),
]

export type Mask = <T>(value: T) => T

export function createMask(secrets: Secret[]): Mask {
  // Longest first, so a secret that contains another is replaced whole.
  const maskers = secrets
    .filter(({ value }) => value.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.value.length - a.value.length)
    .map(({ value, label }) => {
      const scrub = redactor(value, label)
      const base64 = base64FormsOf(value)
      return (text: string) =>
        base64.reduce((masked, form) => masked.replaceAll(form, label), scrub.text(text))
    })
  if (maskers.length === 0) return (value) => value
  const maskText = (text: string) => maskers.reduce((masked, mask) => mask(masked), text)
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

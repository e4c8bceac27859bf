/** Turning what went wrong — bad params, an API error, an unreadable body — into one clear line. */
import type { z } from 'zod'

const EXCERPT_LENGTH = 200
/** The API's own words are kept whole up to this length: a megabyte `detail` is not a message. */
const MAX_WORDS_LENGTH = 1_000

const clip = (text: string) =>
  text.length > MAX_WORDS_LENGTH
    ? `${text.slice(0, MAX_WORDS_LENGTH)}… (${text.length - MAX_WORDS_LENGTH} more characters)`
    : text

/** A short, single-line excerpt of a body that may be HTML or plain text. */
export function excerpt(text: string): string {
  const plain = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (plain === '') return '(empty body)'
  return plain.length > EXCERPT_LENGTH ? `${plain.slice(0, EXCERPT_LENGTH)}…` : plain
}

/** "toNumber is required; limit must be between 1 and 100" — each issue after its field name. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.')
      return path ? `${path} ${issue.message}` : issue.message
    })
    .join('; ')
}

/** The API's own words from an error body: FastAPI's `detail` (string or list), or `message`. */
function apiMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const { detail, message, error } = body as Record<string, unknown>
  if (typeof detail === 'string' && detail.trim()) return detail
  if (Array.isArray(detail) && detail.length > 0) {
    return detail
      .map((item) => {
        if (typeof item === 'string') return item
        const { loc, msg } = (item ?? {}) as { loc?: unknown; msg?: unknown }
        // FastAPI locations start with where the field was ("body", "query", "path").
        const field = Array.isArray(loc) ? loc.slice(1).map(String).join('.') : ''
        const text = typeof msg === 'string' ? msg : JSON.stringify(item)
        return field ? `${field}: ${text}` : text
      })
      .join('; ')
  }
  if (typeof message === 'string' && message.trim()) return message
  if (typeof error === 'string' && error.trim()) return error
  return undefined
}

export function describeErrorResponse(status: number, statusText: string, text: string): string {
  let words: string | undefined
  try {
    words = apiMessage(JSON.parse(text))
  } catch {
    // Not JSON (a gateway's HTML page, plain text): an excerpt is the best we have.
  }
  const label = statusText ? `${status} ${statusText}` : `${status}`
  return `AgentPhone API error (HTTP ${label}): ${words === undefined ? excerpt(text) : clip(words)}`
}

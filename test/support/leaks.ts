/**
 * Finding a secret in what we return, in every encoding a server or a library could have put it
 * in, and a fetch stub that records what would have been sent.
 */
import { vi } from 'vitest'

const hex4 = (char: string) => char.charCodeAt(0).toString(16).padStart(4, '0')

/** The secret as is, JSON-escaped (with and without `\/`), URL-encoded and `\u`-escaped. */
export function encodingsOf(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1)
  const forms = [
    secret,
    json,
    json.replaceAll('/', '\\/'),
    encodeURIComponent(secret),
    encodeURIComponent(secret).toLowerCase(),
    new URLSearchParams({ k: secret }).toString().slice(2),
    [...secret].map((char) => `\\u${hex4(char)}`).join(''),
    [...secret].map((char) => `\\u${hex4(char).toUpperCase()}`).join(''),
  ]
  return [...new Set(forms)]
}

/** The encodings of `secret` found in `value` (serialized as JSON, then also as given). */
export function leaksOf(value: unknown, secret: string): string[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  const decoded = typeof value === 'string' ? value : collectStrings(value).join('\n')
  return encodingsOf(secret).filter((form) => text.includes(form) || decoded.includes(form))
}

function collectStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(collectStrings)
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...collectStrings(inner)])
  }
  return []
}

/** A fetch answering every request with `answer()`, recording each request it was given. */
export function recordingFetch(answer: (request: Request) => Response | Promise<Response>) {
  const sent: Request[] = []
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    sent.push(request)
    return answer(request)
  }) as unknown as typeof globalThis.fetch
  return { fetch, sent }
}

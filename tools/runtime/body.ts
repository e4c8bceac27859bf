/**
 * Reading an answer's body with bounds: a time limit, a size cap, and the caller's signal. Every
 * body we stop reading, or never read, is cancelled: cancelling the stream is what reaches the
 * socket, where aborting a signal may not (undici can lose a Request's signal to GC once the
 * Request object is gone).
 */

/** The largest answer read: an API answer is kilobytes; anything near this is not one. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024

export class BodyTimeout extends Error {}

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the answer is larger than ${limit / 1024 / 1024} MB`)
  }
}

/** The body broke off after the headers: a reset connection or a short Content-Length. */
export class BodyBroken extends Error {}

export interface ReadLimits {
  timeoutMs: number
  maxBytes?: number
  /** The caller's signal: when it aborts, reading stops and its reason is thrown. */
  signal?: AbortSignal | undefined
}

/** Drops an answer's body without reading it, closing its connection if it is still open. */
export function discardBody(response: Response): void {
  if (response.body && !response.bodyUsed) response.body.cancel().catch(() => {})
}

/** The body as UTF-8 text, read whole within the limits, or one of the errors above. */
export async function readBody(response: Response, limits: ReadLimits): Promise<string> {
  const maxBytes = limits.maxBytes ?? MAX_BODY_BYTES
  const { body } = response
  if (!body) return ''
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes) {
    discardBody(response)
    throw new BodyTooLarge(maxBytes)
  }
  const reader = body.getReader()
  let timer: ReturnType<typeof setTimeout> | undefined
  let onAbort: (() => void) | undefined
  const stopped = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BodyTimeout()), limits.timeoutMs)
    const { signal } = limits
    if (!signal) return
    onAbort = () => reject(signal.reason)
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
  })
  stopped.catch(() => {})
  const chunks: Uint8Array[] = []
  let received = 0
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>
      try {
        chunk = await Promise.race([reader.read(), stopped])
      } catch (error) {
        if (error instanceof BodyTimeout || error === limits.signal?.reason) throw error
        throw new BodyBroken(describeCause(error), { cause: error })
      }
      if (chunk.done) return decode(chunks, received)
      received += chunk.value.byteLength
      if (received > maxBytes) throw new BodyTooLarge(maxBytes)
      chunks.push(chunk.value)
    }
  } catch (error) {
    reader.cancel().catch(() => {})
    throw error
  } finally {
    clearTimeout(timer)
    if (onAbort) limits.signal?.removeEventListener('abort', onAbort)
  }
}

/** The chunks as UTF-8 text, decoded once (decoding chunk by chunk is several times slower). */
function decode(chunks: Uint8Array[], length: number): string {
  if (chunks.length === 1) return new TextDecoder().decode(chunks[0])
  const whole = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    whole.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(whole)
}

/** undici's "terminated" says little; its cause says what happened to the socket. */
function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause instanceof Error ? error.cause.message : undefined
  return cause && cause !== error.message ? `${error.message}: ${cause}` : error.message
}

/**
 * A fake webhook receiver for the sandbox's `webhooks.fetch`: it records every delivery and
 * answers each with the next scripted outcome (200 once the script runs out). Also a `sleep`
 * that records the waits between attempts instead of waiting.
 */

export type ScriptedAnswer = number | 'network-error' | 'hang'

export interface ReceivedDelivery {
  url: string
  /** Header names lower-cased. */
  headers: Record<string, string>
  body: string
  json: Record<string, unknown>
}

export function fakeReceiver(script: ScriptedAnswer[] = []) {
  const received: ReceivedDelivery[] = []
  const receive = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    const body = await request.text()
    received.push({
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body,
      json: JSON.parse(body),
    })
    const answer = script[received.length - 1] ?? 200
    if (answer === 'network-error') {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') })
    }
    if (answer === 'hang') {
      return new Promise<Response>((_, reject) => {
        // The caller's own signal: a Request's copy stops following it once the Request is
        // collected, and this promise would never settle.
        const signal = init?.signal ?? request.signal
        // The sender may have given up already, while the body was being read.
        if (signal.aborted) return reject(signal.reason)
        signal.addEventListener('abort', () => reject(signal.reason), { once: true })
      })
    }
    return new Response(answer < 300 ? 'ok' : `receiver said ${answer}`, { status: answer })
  }) as typeof fetch
  return { fetch: receive, received }
}

/** A `sleep` that only records how long it was asked to wait. */
export function recordedSleep() {
  const waits: number[] = []
  const sleep = async (ms: number) => {
    waits.push(ms)
  }
  return { sleep, waits }
}

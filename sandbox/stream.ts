/**
 * `GET /v1/calls/{id}/transcript/stream`: Server-Sent Events. The turns spoken so far are replayed
 * at once, each new one follows when the sandbox's clock reaches it, a `: heartbeat` comment keeps
 * proxies from closing an idle stream, and an `ended` event closes it when the call is over.
 */
import { callEndsAt, callProgress, FINAL_STATUSES } from './calls.js'
import type { Call } from './model.js'
import { transcriptView } from './views.js'
import { POLL_MS, pause, type WaitOptions } from './wait.js'

/** Real milliseconds between heartbeats. */
export const HEARTBEAT_MS = 15_000

const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`

export function transcriptStream(call: Call, { clock, signal }: WaitOptions): Response {
  const encoder = new TextEncoder()
  const stopped = new AbortController()
  const stop = () => stopped.abort()
  signal.addEventListener('abort', stop, { once: true })

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text))
      let sent = 0
      let quietFor = 0
      try {
        for (;;) {
          const now = clock()
          const { transcript } = transcriptView(call, now)
          for (const entry of transcript.slice(sent)) send(event('transcript', entry))
          if (transcript.length > sent) quietFor = 0
          sent = transcript.length
          const { status } = callProgress(call, now)
          if (FINAL_STATUSES.includes(status) && now >= callEndsAt(call)) {
            send(event('ended', { callId: call.id, status }))
            break
          }
          if (quietFor >= HEARTBEAT_MS) {
            send(': heartbeat\n\n')
            quietFor = 0
          }
          await pause(POLL_MS, stopped.signal)
          quietFor += POLL_MS
        }
        controller.close()
      } catch {
        // The client went away: nobody is left to read the rest.
      } finally {
        signal.removeEventListener('abort', stop)
      }
    },
    cancel: stop,
  })
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
    },
  })
}

/**
 * `startSandbox`: a local AgentPhone API. Without a port it runs in-process only: pass its `fetch`
 * to `executeTool` (with `baseUrl: url`). With a port (0 = any free one) it also listens on HTTP.
 */
import { type Server, STATUS_CODES } from 'node:http'
import { serve } from '@hono/node-server'
import { createApp, saveInBackground } from './app.js'
import { type WebhookDeliveryOptions, WebhookDispatcher } from './delivery.js'
import { DroppedConnection } from './errors.js'
import { Store } from './store.js'

export { DataFileError, DEMO_KEY, SANDBOX_KEY_PREFIX } from './store.js'

/** The base URL of an in-process sandbox: never resolved, its `fetch` answers every request. */
export const IN_PROCESS_URL = 'http://sandbox.agentphone.local'

export interface SandboxOptions {
  /** Listen on this port (0: a free one); omit to run in-process only. */
  port?: number
  /** Default 127.0.0.1. */
  hostname?: string
  /** Load accounts from this file at start and save them to it after every change. */
  dataFile?: string
  /** The clock, in epoch ms (default `Date.now`): inject one to move calls along without waiting. */
  now?: () => number
  /** Receives one line per request (method, path, status); never keys. */
  log?: (line: string) => void
  /**
   * A client must have sent a whole request (headers and body) within this many ms, and its
   * headers within the lesser of this and 10 s; else it gets 408 and its connection is closed.
   * Default 30 000. (Answers may take longer: the long-poll does.)
   */
  requestTimeoutMs?: number
  /** How events reach webhooks: the fetch that sends them, the waits between retries, timeouts. */
  webhooks?: WebhookDeliveryOptions
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>`, or `IN_PROCESS_URL` when not listening. */
  url: string
  /** The app's handler as a fetch function: no port needed. */
  fetch: typeof fetch
  /** Resolves when no webhook delivery is in flight or waiting to retry. */
  settled(): Promise<void>
  /** Stops listening and abandons pending deliveries; calling it again waits for the same close. */
  close(): Promise<void>
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
const MAX_HEADERS_TIMEOUT_MS = 10_000

/** A slow client (headers or body trickling in) cannot hold a connection open for minutes. */
const requestTimeouts = (requestTimeout: number) => ({
  requestTimeout,
  headersTimeout: Math.min(requestTimeout, MAX_HEADERS_TIMEOUT_MS),
  // Node checks these only this often (30 s by default).
  connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(requestTimeout / 4))),
})

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const store = Store.open(options.dataFile)
  const now = options.now ?? Date.now
  const webhooks = new WebhookDispatcher({
    ...options.webhooks,
    now,
    save: saveInBackground(store, options.log),
    log: options.log,
  })
  const app = createApp({ store, now, log: options.log, webhooks })
  const settled = () => webhooks.settled()

  const handle = async (
    request: Request,
    onDrop: (dropped: DroppedConnection) => Response | never
  ) => {
    try {
      return await app.fetch(request)
    } catch (error) {
      if (error instanceof DroppedConnection) return onDrop(error)
      throw error
    }
  }

  // As over HTTP: a reason phrase on every answer, a dropped connection that looks like undici's
  // (TypeError('fetch failed') with the socket's reason as its cause), and an aborted request
  // that rejects with the signal's reason.
  const inProcessFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    const response = await handle(request, (dropped) => {
      if (dropped.by === 'client') throw request.signal.reason
      throw new TypeError('fetch failed', { cause: new Error('other side closed') })
    })
    if (response.statusText) return response
    const { status, headers, body } = response
    return new Response(body, { status, statusText: STATUS_CODES[status] ?? '', headers })
  }) as typeof fetch

  if (options.port === undefined) {
    let closing: Promise<void> | undefined
    const close = () => {
      closing ??= webhooks.close().finally(() => store.close())
      return closing
    }
    return { url: IN_PROCESS_URL, fetch: inProcessFetch, settled, close }
  }

  const hostname = options.hostname ?? '127.0.0.1'
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve(
      {
        fetch: (request, env) =>
          handle(request, () => {
            env.incoming.socket?.destroy()
            return new Response(null)
          }),
        port: options.port,
        hostname,
        // Keep Node's own Request/Response: tests in the same process use them with ky.
        overrideGlobalObjects: false,
        serverOptions: requestTimeouts(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
      },
      () => resolve(started as Server)
    )
    started.once('error', reject)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const host = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname

  let closing: Promise<void> | undefined
  return {
    url: `http://${host}:${port}`,
    fetch: inProcessFetch,
    settled,
    close: () => {
      closing ??= Promise.all([
        webhooks.close(),
        new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()))
          server.closeAllConnections()
        }),
      ])
        .then(() => {})
        .finally(() => store.close())
      return closing
    },
  }
}

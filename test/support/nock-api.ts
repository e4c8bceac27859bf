/**
 * A fake AgentPhone API for tests, built on nock: every test runs with the real network switched
 * off, each intercepted request is recorded exactly as it went out (method, path with query,
 * headers, parsed JSON body), and a test fails if an expected request was never sent.
 */
import nock from 'nock'
import { afterEach, beforeEach, expect } from 'vitest'

export const API_BASE = 'https://api.agentphone.ai'
/** Long enough to be redacted, and distinctive enough to be found if it ever leaks. */
export const API_KEY = 'sk_live_4f9d2c7a1e8b6035'

export interface SentRequest {
  method: string
  /** Path and query string exactly as sent, e.g. `/v1/calls?limit=5`. */
  path: string
  headers: Record<string, string>
  /** The parsed JSON body; the raw text when it is not JSON; undefined when there is none. */
  body: unknown
}

export type Reply =
  | {
      status: number
      /** An object is sent as JSON; a string is sent as is. */
      body?: unknown
      headers?: Record<string, string>
      /** Holds the answer back, e.g. to outlast a timeout. */
      delayMs?: number
    }
  | { networkError: string }

/** The headers every request carries; `withBody` adds the JSON content type. */
export const apiHeaders = (withBody = false): Record<string, string> => ({
  accept: 'application/json',
  authorization: `Bearer ${API_KEY}`,
  ...(withBody ? { 'content-type': 'application/json' } : {}),
})

/**
 * Registers hooks that switch the network off before each test, and after it check that every
 * expected request was sent before clearing the mocks. `AGENTPHONE_BASE_URL` is cleared for the
 * test and restored afterwards, so the default base URL applies unless a test sets it.
 */
export function setUpNock(): void {
  let savedBaseUrl: string | undefined
  beforeEach(() => {
    savedBaseUrl = process.env.AGENTPHONE_BASE_URL
    delete process.env.AGENTPHONE_BASE_URL
    nock.disableNetConnect()
  })
  afterEach(() => {
    const pending = nock.pendingMocks()
    nock.abortPendingRequests()
    nock.cleanAll()
    nock.enableNetConnect()
    if (savedBaseUrl === undefined) delete process.env.AGENTPHONE_BASE_URL
    else process.env.AGENTPHONE_BASE_URL = savedBaseUrl
    expect(pending, 'requests the test expected but that were never sent').toEqual([])
  })
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

/**
 * Expects requests with `method` to any path on `base`, answering the first with the first
 * reply, the second with the second, and so on. Returns the list the requests are recorded in.
 */
export function mockApi(method: string, replies: Reply | Reply[], base = API_BASE): SentRequest[] {
  const sent: SentRequest[] = []
  const scope = nock(base)
  scope.on('request', (req: { method: string; path: string; headers: object }, _, raw: string) => {
    const { host: _host, ...headers } = req.headers as Record<string, string>
    sent.push({ method: req.method, path: req.path, headers, body: parseBody(raw) })
  })
  for (const reply of Array.isArray(replies) ? replies : [replies]) {
    const interceptor = scope.intercept(() => true, method)
    if ('networkError' in reply) {
      interceptor.replyWithError(reply.networkError)
      continue
    }
    if (reply.delayMs !== undefined) interceptor.delay(reply.delayMs)
    const { status, body, headers = {} } = reply
    if (body === undefined) interceptor.reply(status, '', headers)
    else if (typeof body === 'string') interceptor.reply(status, body, headers)
    else {
      interceptor.reply(status, JSON.stringify(body), {
        'content-type': 'application/json',
        ...headers,
      })
    }
  }
  return sent
}

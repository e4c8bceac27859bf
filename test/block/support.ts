/**
 * Shared by the block tests: a value for every field of the block (each one valid for its tool and
 * distinct, so a param can be traced back to the field that fed it), and a nock recorder.
 */
import nock from 'nock'
import { afterEach, beforeEach, expect } from 'vitest'

export const BASE_URL = 'https://api.agentphone.test'
export const API_KEY = 'sk_block_test_7c1e94a2'

/** Every field of every operation, filled, as an editor stores them: strings. */
export const ALL_FIELDS = {
  apiKey: API_KEY,
  country: 'CA',
  areaCode: '604',
  attachAgentId: 'agt_attach',
  numberId: 'num_target',
  callAgentId: 'agt_caller',
  toNumberCall: '+14155550101',
  fromNumberId: 'num_callerid',
  initialGreeting: 'Hello from Acme',
  voice: 'voice_ava',
  systemPrompt: 'You confirm appointments.',
  callId: 'call_42',
  callsStatus: 'completed',
  callsDirection: 'outbound',
  callsType: 'pstn',
  callsSearch: '+1415',
  conversationId: 'conv_7',
  messageLimit: '15',
  metadata: '{"stage": "qualified", "score": 3}',
  sendAgentId: 'agt_sender',
  toNumberMessage: '+14155550102',
  messageBody: 'Your order shipped',
  mediaUrl: 'https://example.com/label.png',
  sendNumberId: 'num_sender',
  messageId: 'msg_9',
  reaction: 'laugh',
  contactPhoneNumber: '+14155550103',
  contactName: 'Jane Doe',
  contactEmail: 'jane@example.com',
  contactNotes: 'Prefers texts',
  contactId: 'ct_5',
  contactsSearch: 'jane',
  limit: '25',
  offset: '50',
  messagesLimit: '30',
  before: '2026-02-01T00:00:00Z',
  after: '2026-01-01T00:00:00Z',
  usageDays: '14',
  usageMonths: '3',
} as const

export interface Sent {
  method: string
  pathname: string
  query: Record<string, string>
  headers: Record<string, string>
  /** Parsed JSON; the raw text if not JSON; undefined when no body was sent. */
  body: unknown
}

/** Switches the network off around each test and fails a test that left a mock unused. */
export function withNock(): void {
  beforeEach(() => nock.disableNetConnect())
  afterEach(() => {
    const pending = nock.pendingMocks()
    nock.cleanAll()
    nock.enableNetConnect()
    expect(pending, 'mocked requests that were never sent').toEqual([])
  })
}

const parsed = (raw: string) => {
  if (raw === '') return undefined
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

/**
 * Answers the next `method` request to BASE_URL, whatever its path, with `status` and `body`,
 * and records the request as it went out so the test can assert all of it.
 */
export function expectRequest(method: string, status: number, body?: unknown): Sent[] {
  const sent: Sent[] = []
  const scope = nock(BASE_URL)
  scope.on('request', (req: { method: string; path: string; headers: object }, _, raw: string) => {
    const url = new URL(req.path, BASE_URL)
    const { host: _host, ...headers } = req.headers as Record<string, string>
    sent.push({
      method: req.method,
      pathname: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: parsed(raw),
    })
  })
  scope
    .intercept(() => true, method)
    .reply(
      status,
      body === undefined ? '' : JSON.stringify(body),
      body === undefined ? {} : { 'content-type': 'application/json' }
    )
  return sent
}

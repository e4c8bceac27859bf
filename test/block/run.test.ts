/**
 * The block run end to end, as an editor runs it: every field of every operation is filled, the
 * operation is picked, and the one request that goes out must be exactly the request its tool
 * sends — nothing from another operation's fields — and the answer must become the tool's output.
 */
import { describe, expect, it, vi } from 'vitest'
import { type AgentPhoneOperation, OPERATIONS, runBlock } from '../../blocks/index.js'
import { API_KEY, apiHeaders, mockApi, setUpNock } from '../support/nock-api.js'
import { ALL_FIELDS, BASE_URL } from './fields.js'

setUpNock()

interface Case {
  operation: AgentPhoneOperation
  method: string
  pathname: string
  query?: Record<string, string>
  body?: unknown
  status?: number
  reply?: unknown
  output: Record<string, unknown>
}

const number = {
  id: 'num_new',
  phoneNumber: '+16045550100',
  country: 'CA',
  status: 'active',
  type: 'sms',
  agentId: 'agt_attach',
  createdAt: '2026-01-05T10:00:00Z',
}

const call = {
  id: 'call_42',
  agentId: 'agt_caller',
  phoneNumberId: 'num_callerid',
  phoneNumber: '+16045550100',
  fromNumber: '+16045550100',
  toNumber: '+14155550101',
  direction: 'outbound',
  status: 'completed',
  startedAt: '2026-01-06T09:00:00Z',
  endedAt: '2026-01-06T09:03:00Z',
  durationSeconds: 180,
  lastTranscriptSnippet: 'See you then!',
  recordingUrl: 'https://cdn.example.com/call_42.mp3',
  recordingAvailable: true,
}

const conversation = {
  id: 'conv_7',
  agentId: 'agt_sender',
  phoneNumberId: 'num_sender',
  phoneNumber: '+16045550100',
  participant: '+14155550102',
  lastMessageAt: '2026-01-07T12:00:00Z',
  lastMessagePreview: 'Thanks!',
  messageCount: 4,
  metadata: { stage: 'new' },
  createdAt: '2026-01-01T08:00:00Z',
}

/** A conversation message as the API sends it: media only in the `mediaUrls` list. */
const apiMessage = {
  id: 'msg_1',
  body: 'Is my order on its way?',
  fromNumber: '+14155550102',
  toNumber: '+16045550100',
  direction: 'inbound',
  channel: 'mms',
  mediaUrl: null,
  mediaUrls: ['https://cdn.example.com/photo.jpg'],
  receivedAt: '2026-01-07T12:00:00Z',
  senderIdentifier: null,
  reactions: [],
  replyTo: null,
}

const message = {
  id: 'msg_1',
  body: 'Is my order on its way?',
  fromNumber: '+14155550102',
  toNumber: '+16045550100',
  direction: 'inbound',
  channel: 'mms',
  mediaUrl: 'https://cdn.example.com/photo.jpg',
  mediaUrls: ['https://cdn.example.com/photo.jpg'],
  receivedAt: '2026-01-07T12:00:00Z',
}

const { lastMessagePreview: _preview, ...conversationDetail } = conversation
const updatedDetail = { ...conversationDetail, metadata: { stage: 'qualified', score: 3 } }

const contact = {
  id: 'ct_5',
  phoneNumber: '+14155550103',
  name: 'Jane Doe',
  email: 'jane@example.com',
  notes: 'Prefers texts',
  createdAt: '2026-01-02T08:00:00Z',
  updatedAt: '2026-01-03T08:00:00Z',
}

const usage = {
  plan: {
    name: 'starter',
    limits: {
      numbers: 3,
      messagesPerMonth: 1000,
      voiceMinutesPerMonth: 100,
      maxCallDurationMinutes: 10,
      concurrentCalls: 2,
    },
  },
  numbers: { used: 1, limit: 3, remaining: 2 },
  stats: { totalMessages: 12, totalCalls: 3 },
  periodStart: '2026-01-01T00:00:00Z',
  periodEnd: '2026-02-01T00:00:00Z',
}

const paging = { limit: '25', offset: '50' }
const cursor = { limit: '30', before: '2026-02-01T00:00:00Z', after: '2026-01-01T00:00:00Z' }

const cases: Case[] = [
  {
    operation: 'create_number',
    method: 'POST',
    pathname: '/v1/numbers',
    body: { country: 'CA', areaCode: '604', agentId: 'agt_attach' },
    reply: number,
    output: number,
  },
  {
    operation: 'list_numbers',
    method: 'GET',
    pathname: '/v1/numbers',
    query: paging,
    reply: { data: [number], hasMore: true, total: 51 },
    output: { data: [number], hasMore: true, total: 51 },
  },
  {
    operation: 'release_number',
    method: 'DELETE',
    pathname: '/v1/numbers/num_target',
    reply: { success: true, phoneNumber: '+16045550100', status: 'released' },
    output: { id: 'num_target', released: true },
  },
  {
    operation: 'get_number_messages',
    method: 'GET',
    pathname: '/v1/numbers/num_target/messages',
    query: cursor,
    reply: {
      data: [
        {
          id: 'msg_2',
          from_: '+14155550102',
          to: '+16045550100',
          body: 'Hi',
          direction: 'inbound',
          channel: null,
          receivedAt: '2026-01-07T11:00:00Z',
        },
      ],
      hasMore: false,
    },
    output: {
      data: [
        {
          id: 'msg_2',
          from_: '+14155550102',
          to: '+16045550100',
          body: 'Hi',
          direction: 'inbound',
          channel: null,
          receivedAt: '2026-01-07T11:00:00Z',
        },
      ],
      hasMore: false,
    },
  },
  {
    operation: 'create_call',
    method: 'POST',
    pathname: '/v1/calls',
    body: {
      agentId: 'agt_caller',
      toNumber: '+14155550101',
      fromNumberId: 'num_callerid',
      initialGreeting: 'Hello from Acme',
      voice: 'voice_ava',
      systemPrompt: 'You confirm appointments.',
    },
    reply: {
      id: 'call_new',
      agentId: 'agt_caller',
      fromNumber: '+16045550100',
      toNumber: '+14155550101',
      phoneNumberId: 'num_callerid',
      direction: 'outbound',
      status: 'queued',
      startedAt: '2026-01-06T09:00:00Z',
    },
    output: {
      id: 'call_new',
      agentId: 'agt_caller',
      status: 'queued',
      toNumber: '+14155550101',
      fromNumber: '+16045550100',
      phoneNumberId: 'num_callerid',
      direction: 'outbound',
      startedAt: '2026-01-06T09:00:00Z',
    },
  },
  {
    operation: 'list_calls',
    method: 'GET',
    pathname: '/v1/calls',
    query: {
      ...paging,
      status: 'completed',
      direction: 'outbound',
      type: 'pstn',
      search: '+1415',
    },
    reply: { data: [call], hasMore: false, total: 1 },
    output: { data: [call], hasMore: false, total: 1 },
  },
  {
    operation: 'get_call',
    method: 'GET',
    pathname: '/v1/calls/call_42',
    query: { wait: 'true', timeout: '45' },
    reply: {
      ...call,
      transcripts: [
        {
          id: 'tt_1',
          transcript: 'Can we move it to Friday?',
          confidence: 0.94,
          response: 'Friday works.',
          createdAt: '2026-01-06T09:01:00Z',
        },
      ],
    },
    output: {
      ...call,
      transcripts: [
        {
          id: 'tt_1',
          transcript: 'Can we move it to Friday?',
          confidence: 0.94,
          response: 'Friday works.',
          createdAt: '2026-01-06T09:01:00Z',
        },
      ],
    },
  },
  {
    operation: 'get_call_transcript',
    method: 'GET',
    pathname: '/v1/calls/call_42/transcript',
    reply: {
      transcript: [
        {
          transcript: 'Can we move it to Friday?',
          response: 'Friday works.',
          createdAt: '2026-01-06T09:01:00Z',
        },
      ],
    },
    output: {
      callId: 'call_42',
      transcript: [
        { role: 'user', content: 'Can we move it to Friday?', createdAt: '2026-01-06T09:01:00Z' },
        { role: 'agent', content: 'Friday works.', createdAt: '2026-01-06T09:01:00Z' },
      ],
    },
  },
  {
    operation: 'list_conversations',
    method: 'GET',
    pathname: '/v1/conversations',
    query: paging,
    reply: {
      data: [{ ...conversation, isGroup: false, groupId: null, groupName: null, participants: [] }],
      hasMore: false,
      total: 1,
    },
    output: { data: [conversation], hasMore: false, total: 1 },
  },
  {
    operation: 'get_conversation',
    method: 'GET',
    pathname: '/v1/conversations/conv_7',
    query: { message_limit: '15' },
    reply: { ...conversationDetail, messages: [apiMessage] },
    output: { ...conversationDetail, messages: [message] },
  },
  {
    operation: 'update_conversation',
    method: 'PATCH',
    pathname: '/v1/conversations/conv_7',
    body: { metadata: { stage: 'qualified', score: 3 } },
    reply: { ...updatedDetail, messages: [apiMessage] },
    output: { ...updatedDetail, messages: [message] },
  },
  {
    operation: 'get_conversation_messages',
    method: 'GET',
    pathname: '/v1/conversations/conv_7/messages',
    query: cursor,
    reply: { data: [apiMessage], hasMore: true },
    output: { data: [message], hasMore: true },
  },
  {
    operation: 'send_message',
    method: 'POST',
    pathname: '/v1/messages',
    body: {
      agent_id: 'agt_sender',
      to_number: '+14155550102',
      body: 'Your order shipped',
      media_urls: ['https://example.com/label.png'],
      number_id: 'num_sender',
    },
    reply: {
      id: 'msg_out',
      status: 'queued',
      channel: 'mms',
      from_number: '+16045550100',
      to_number: '+14155550102',
      conversation_id: 'conv_7',
      media_urls: ['https://example.com/label.png'],
    },
    output: {
      id: 'msg_out',
      status: 'queued',
      channel: 'mms',
      fromNumber: '+16045550100',
      toNumber: '+14155550102',
    },
  },
  {
    operation: 'react_to_message',
    method: 'POST',
    pathname: '/v1/messages/msg_9/reactions',
    body: { reaction: 'laugh' },
    reply: { id: 'rx_1', reaction_type: 'laugh', message_id: 'msg_9', channel: 'imessage' },
    output: { id: 'rx_1', reactionType: 'laugh', messageId: 'msg_9', channel: 'imessage' },
  },
  {
    operation: 'create_contact',
    method: 'POST',
    pathname: '/v1/contacts',
    body: {
      phoneNumber: '+14155550103',
      name: 'Jane Doe',
      email: 'jane@example.com',
      notes: 'Prefers texts',
    },
    status: 201,
    reply: contact,
    output: contact,
  },
  {
    operation: 'list_contacts',
    method: 'GET',
    pathname: '/v1/contacts',
    query: { ...paging, search: 'jane' },
    reply: { data: [contact], hasMore: false, total: 1 },
    output: { data: [contact], hasMore: false, total: 1 },
  },
  {
    operation: 'get_contact',
    method: 'GET',
    pathname: '/v1/contacts/ct_5',
    reply: contact,
    output: contact,
  },
  {
    operation: 'update_contact',
    method: 'PATCH',
    pathname: '/v1/contacts/ct_5',
    body: {
      phoneNumber: '+14155550103',
      name: 'Jane Doe',
      email: 'jane@example.com',
      notes: 'Prefers texts',
    },
    reply: contact,
    output: contact,
  },
  {
    operation: 'delete_contact',
    method: 'DELETE',
    pathname: '/v1/contacts/ct_5',
    status: 204,
    output: { id: 'ct_5', deleted: true },
  },
  {
    operation: 'get_usage',
    method: 'GET',
    pathname: '/v1/usage',
    reply: usage,
    output: usage,
  },
  {
    operation: 'get_usage_daily',
    method: 'GET',
    pathname: '/v1/usage/daily',
    query: { days: '14' },
    reply: { data: [{ date: '2026-01-07', messages: 5, calls: 1, webhooks: 6 }], days: 14 },
    output: { data: [{ date: '2026-01-07', messages: 5, calls: 1, webhooks: 6 }], days: 14 },
  },
  {
    operation: 'get_usage_monthly',
    method: 'GET',
    pathname: '/v1/usage/monthly',
    query: { months: '3' },
    reply: { data: [{ month: '2026-01', messages: 40, calls: 9, webhooks: 49 }], months: 3 },
    output: { data: [{ month: '2026-01', messages: 40, calls: 9, webhooks: 49 }], months: 3 },
  },
]

const run = (values: Record<string, unknown>) => runBlock(values, { baseUrl: BASE_URL })

/** Answers the next `method` request to BASE_URL; returns the list it is recorded in. */
const expectRequest = (method: string, status: number, body?: unknown) =>
  mockApi(method, { status, body }, BASE_URL)

/** The path as sent: `pathname`, then the query in the order the tool writes it. */
const pathWithQuery = (pathname: string, query: Record<string, string>) =>
  Object.keys(query).length === 0 ? pathname : `${pathname}?${new URLSearchParams(query)}`

describe('runBlock with every field of every operation filled', () => {
  it('has a case for each operation', () => {
    expect(cases.map(({ operation }) => operation)).toEqual(OPERATIONS)
  })

  it.each(cases)(
    '$operation sends exactly its own request and returns the tool output',
    async ({ operation, method, pathname, query = {}, body, status = 200, reply, output }) => {
      const sent = expectRequest(method, status, reply)
      const result = await run({ ...ALL_FIELDS, operation })
      expect(result).toEqual({ success: true, output })
      // Exact: a param leaking in from another operation's field would change the query or body.
      expect(sent).toEqual([
        {
          method,
          path: pathWithQuery(pathname, query),
          headers: apiHeaders(body !== undefined),
          body,
        },
      ])
    }
  )
})

describe('runBlock with only some fields filled', () => {
  it('sends only the required send_message fields when the optional ones are blank', async () => {
    const sent = expectRequest('POST', 200, { id: 'msg_out', status: 'queued' })
    const result = await run({
      operation: 'send_message',
      apiKey: API_KEY,
      sendAgentId: 'agt_sender',
      toNumberMessage: '+14155550102',
      messageBody: 'Your order shipped',
      mediaUrl: '',
      sendNumberId: '   ',
    })
    expect(result.success).toBe(true)
    expect(sent[0]?.body).toEqual({
      agent_id: 'agt_sender',
      to_number: '+14155550102',
      body: 'Your order shipped',
    })
  })

  it('clears the metadata with null when the Metadata field is left empty', async () => {
    const sent = expectRequest('PATCH', 200, { ...conversationDetail, metadata: null })
    const result = await run({
      operation: 'update_conversation',
      apiKey: API_KEY,
      conversationId: 'conv_7',
      metadata: '',
    })
    expect(sent[0]?.body).toEqual({ metadata: null })
    expect(result.output).toMatchObject({ id: 'conv_7', metadata: null })
  })

  it('sends no filters when list_calls is left on "Any" with an empty search', async () => {
    const sent = expectRequest('GET', 200, { data: [], hasMore: false, total: 0 })
    const result = await run({
      operation: 'list_calls',
      apiKey: API_KEY,
      callsStatus: '',
      callsDirection: '',
      callsType: '',
      callsSearch: '',
      limit: '',
      offset: '',
    })
    expect(result).toEqual({ success: true, output: { data: [], hasMore: false, total: 0 } })
    expect(sent.map((request) => request.path)).toEqual(['/v1/calls'])
  })

  it("sends create_number's default country alone when area code and agent are blank", async () => {
    const sent = expectRequest('POST', 200, number)
    await run({
      operation: 'create_number',
      apiKey: API_KEY,
      country: 'US',
      areaCode: '',
      attachAgentId: '',
    })
    expect(sent[0]?.body).toEqual({ country: 'US' })
  })

  it('changes only the contact fields that were filled', async () => {
    const sent = expectRequest('PATCH', 200, { ...contact, name: 'Jane Smith' })
    const result = await run({
      operation: 'update_contact',
      apiKey: API_KEY,
      contactId: 'ct_5',
      contactName: 'Jane Smith',
      contactPhoneNumber: '',
    })
    expect(sent.map((request) => request.path)).toEqual(['/v1/contacts/ct_5'])
    expect(sent[0]?.body).toEqual({ name: 'Jane Smith' })
    expect(result.output).toMatchObject({ name: 'Jane Smith' })
  })
})

describe('runBlock failures', () => {
  it("returns the tool's validation error and sends nothing for a bad phone number", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>()
    const result = await runBlock(
      { ...ALL_FIELDS, operation: 'send_message', toNumberMessage: '4155550102' },
      { baseUrl: BASE_URL, fetch }
    )
    expect(result.success).toBe(false)
    expect(result.error).toMatch(/^Invalid parameters for agentphone_send_message: toNumber must/)
    expect(fetch).not.toHaveBeenCalled()
  })

  it("passes the API's own words and status through", async () => {
    expectRequest('GET', 404, { detail: 'Contact not found' })
    const result = await run({ ...ALL_FIELDS, operation: 'get_contact' })
    expect(result).toEqual({
      success: false,
      output: {},
      error: 'AgentPhone API error (HTTP 404 Not Found): Contact not found',
    })
  })
})

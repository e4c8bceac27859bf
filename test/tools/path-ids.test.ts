/**
 * IDs go into the URL path. Whatever they contain, each must arrive as one percent-encoded path
 * segment: a `/` must not reach another endpoint, a `?` or `#` must not start a query or fragment.
 */
import { describe, expect, it } from 'vitest'
import { agentphoneTools, executeTool } from '../../tools/index.js'
import { API_KEY, mockApi, setUpNock } from '../support/nock-api.js'

setUpNock()

const TRICKY_ID = 'x/../y?z=1#w v'
const ENCODED = 'x%2F..%2Fy%3Fz%3D1%23w%20v'

interface Case {
  tool: string
  method: string
  params: Record<string, unknown>
  path: string
  /** A 2xx answer this tool can read. */
  reply: unknown
}

const contact = { id: 'ct_1', phoneNumber: '+14155559876', name: 'Jane Doe' }
const conversation = { id: 'conv_1', messages: [] }
const cases: Case[] = [
  {
    tool: 'agentphone_release_number',
    method: 'DELETE',
    params: { numberId: TRICKY_ID },
    path: `/v1/numbers/${ENCODED}`,
    reply: {},
  },
  {
    tool: 'agentphone_get_number_messages',
    method: 'GET',
    params: { numberId: TRICKY_ID, limit: 5 },
    path: `/v1/numbers/${ENCODED}/messages?limit=5`,
    reply: { data: [], hasMore: false },
  },
  {
    tool: 'agentphone_get_call',
    method: 'GET',
    params: { callId: TRICKY_ID },
    path: `/v1/calls/${ENCODED}`,
    reply: { id: 'call_1' },
  },
  {
    tool: 'agentphone_get_call_transcript',
    method: 'GET',
    params: { callId: TRICKY_ID },
    path: `/v1/calls/${ENCODED}/transcript`,
    reply: { transcript: [] },
  },
  {
    tool: 'agentphone_get_conversation',
    method: 'GET',
    params: { conversationId: TRICKY_ID, messageLimit: 3 },
    path: `/v1/conversations/${ENCODED}?message_limit=3`,
    reply: conversation,
  },
  {
    tool: 'agentphone_update_conversation',
    method: 'PATCH',
    params: { conversationId: TRICKY_ID, metadata: { a: 1 } },
    path: `/v1/conversations/${ENCODED}`,
    reply: conversation,
  },
  {
    tool: 'agentphone_get_conversation_messages',
    method: 'GET',
    params: { conversationId: TRICKY_ID },
    path: `/v1/conversations/${ENCODED}/messages`,
    reply: { data: [], hasMore: false },
  },
  {
    tool: 'agentphone_react_to_message',
    method: 'POST',
    params: { messageId: TRICKY_ID, reaction: 'like' },
    path: `/v1/messages/${ENCODED}/reactions`,
    reply: { id: 'rxn_1' },
  },
  {
    tool: 'agentphone_get_contact',
    method: 'GET',
    params: { contactId: TRICKY_ID },
    path: `/v1/contacts/${ENCODED}`,
    reply: contact,
  },
  {
    tool: 'agentphone_update_contact',
    method: 'PATCH',
    params: { contactId: TRICKY_ID, name: 'Jane' },
    path: `/v1/contacts/${ENCODED}`,
    reply: contact,
  },
  {
    tool: 'agentphone_delete_contact',
    method: 'DELETE',
    params: { contactId: TRICKY_ID },
    path: `/v1/contacts/${ENCODED}`,
    reply: undefined,
  },
]

describe('path IDs', () => {
  it.each(cases)('$tool sends the ID as one encoded segment: $path', async (testCase) => {
    const sent = mockApi(testCase.method, {
      status: testCase.reply === undefined ? 204 : 200,
      body: testCase.reply,
    })

    const result = await executeTool(testCase.tool, { apiKey: API_KEY, ...testCase.params })

    expect(sent.map((request) => [request.method, request.path])).toEqual([
      [testCase.method, testCase.path],
    ])
    expect(result.success).toBe(true)
  })

  it('covers every tool with an ID in its path (a required *Id param other than agentId)', () => {
    const withPathIds = Object.values(agentphoneTools)
      .filter((tool) =>
        Object.entries(tool.params).some(
          ([name, param]) => param.required && name.endsWith('Id') && name !== 'agentId'
        )
      )
      .map((tool) => tool.id)
    expect(cases.map((testCase) => testCase.tool).sort()).toEqual(withPathIds.sort())
    expect(withPathIds).toHaveLength(11)
  })

  it('outputs the ID as given (not encoded) where the output echoes it', async () => {
    mockApi('DELETE', [{ status: 204 }, { status: 200, body: {} }])

    const deleted = await executeTool('agentphone_delete_contact', {
      apiKey: API_KEY,
      contactId: TRICKY_ID,
    })
    const released = await executeTool('agentphone_release_number', {
      apiKey: API_KEY,
      numberId: TRICKY_ID,
    })

    expect(deleted.output).toEqual({ id: TRICKY_ID, deleted: true })
    expect(released.output).toEqual({ id: TRICKY_ID, released: true })
  })

  it('encodes non-ASCII characters as UTF-8', async () => {
    const sent = mockApi('GET', { status: 200, body: contact })

    await executeTool('agentphone_get_contact', { apiKey: API_KEY, contactId: 'ct_é😀' })

    expect(sent.map((request) => request.path)).toEqual(['/v1/contacts/ct_%C3%A9%F0%9F%98%80'])
  })
})

import { describe, expect, it } from 'vitest'
import { executeTool } from '../../tools/index.js'
import { API_KEY, apiHeaders, mockApi, setUpNock } from '../support/nock-api.js'
import {
  apiConversationDetail,
  apiMessageWithMedia,
  apiTextMessage,
  conversationDetailOutput,
  messageWithMediaOutput,
  textMessageOutput,
} from './fixtures.js'

setUpNock()

describe('agentphone_list_conversations', () => {
  const apiConversation = {
    id: 'conv_3mv8',
    agentId: 'agt_7hx2m4',
    phoneNumberId: 'num_8f2k3j9q',
    phoneNumber: '+14155550123',
    participant: '+14155559876',
    lastMessageAt: '2026-01-31T09:15:00Z',
    lastMessagePreview: 'Here is the photo',
    messageCount: 2,
    metadata: { stage: 'qualified' },
    createdAt: '2026-01-30T12:00:00Z',
    // Not among the outputs:
    isGroup: false,
    groupId: null,
    groupName: null,
    participants: ['+14155559876'],
  }

  it('GETs limit and offset and outputs the conversations', async () => {
    const sent = mockApi('GET', {
      status: 200,
      body: {
        data: [
          apiConversation,
          { ...apiConversation, id: 'conv_2', agentId: null, metadata: null },
        ],
        hasMore: true,
        total: 41,
      },
    })

    const result = await executeTool('agentphone_list_conversations', {
      apiKey: API_KEY,
      limit: '2',
      offset: '0',
    })

    expect(sent).toEqual([
      {
        method: 'GET',
        path: '/v1/conversations?limit=2&offset=0',
        headers: apiHeaders(),
        body: undefined,
      },
    ])
    const conversationOutput = {
      id: 'conv_3mv8',
      agentId: 'agt_7hx2m4',
      phoneNumberId: 'num_8f2k3j9q',
      phoneNumber: '+14155550123',
      participant: '+14155559876',
      lastMessageAt: '2026-01-31T09:15:00Z',
      lastMessagePreview: 'Here is the photo',
      messageCount: 2,
      metadata: { stage: 'qualified' },
      createdAt: '2026-01-30T12:00:00Z',
    }
    expect(result).toEqual({
      success: true,
      output: {
        data: [
          conversationOutput,
          { ...conversationOutput, id: 'conv_2', agentId: null, metadata: null },
        ],
        hasMore: true,
        total: 41,
      },
    })
  })

  it('outputs null metadata for a conversation whose answer has no metadata key', async () => {
    const { metadata: _metadata, ...withoutMetadata } = apiConversation
    mockApi('GET', { status: 200, body: { data: [withoutMetadata], hasMore: false, total: 1 } })

    const result = await executeTool('agentphone_list_conversations', { apiKey: API_KEY })

    expect(result.output).toEqual({
      data: [
        {
          id: 'conv_3mv8',
          agentId: 'agt_7hx2m4',
          phoneNumberId: 'num_8f2k3j9q',
          phoneNumber: '+14155550123',
          participant: '+14155559876',
          lastMessageAt: '2026-01-31T09:15:00Z',
          lastMessagePreview: 'Here is the photo',
          messageCount: 2,
          metadata: null,
          createdAt: '2026-01-30T12:00:00Z',
        },
      ],
      hasMore: false,
      total: 1,
    })
  })

  it('sends no query string when no paging is given', async () => {
    const sent = mockApi('GET', { status: 200, body: { data: [], hasMore: false, total: 0 } })

    const result = await executeTool('agentphone_list_conversations', { apiKey: API_KEY })

    expect(sent.map((request) => request.path)).toEqual(['/v1/conversations'])
    expect(result).toEqual({ success: true, output: { data: [], hasMore: false, total: 0 } })
  })
})

describe('agentphone_get_conversation', () => {
  it('GETs with the snake_case message_limit and outputs the conversation and its messages', async () => {
    const sent = mockApi('GET', { status: 200, body: apiConversationDetail })

    const result = await executeTool('agentphone_get_conversation', {
      apiKey: API_KEY,
      conversationId: 'conv_3mv8',
      messageLimit: 100,
    })

    expect(sent).toEqual([
      {
        method: 'GET',
        path: '/v1/conversations/conv_3mv8?message_limit=100',
        headers: apiHeaders(),
        body: undefined,
      },
    ])
    expect(result).toEqual({ success: true, output: conversationDetailOutput })
  })

  it('sends no message_limit when none is given; null metadata and no messages come out as null and []', async () => {
    const sent = mockApi('GET', {
      status: 200,
      body: { ...apiConversationDetail, metadata: null, messageCount: 0, messages: undefined },
    })

    const result = await executeTool('agentphone_get_conversation', {
      apiKey: API_KEY,
      conversationId: 'conv_3mv8',
      messageLimit: '',
    })

    expect(sent.map((request) => request.path)).toEqual(['/v1/conversations/conv_3mv8'])
    expect(result).toEqual({
      success: true,
      output: { ...conversationDetailOutput, metadata: null, messageCount: 0, messages: [] },
    })
  })

  it('keeps a mediaUrl the API did set rather than the first of mediaUrls', async () => {
    mockApi('GET', {
      status: 200,
      body: {
        ...apiConversationDetail,
        messages: [{ ...apiMessageWithMedia, mediaUrl: 'https://cdn.agentphone.ai/own.png' }],
      },
    })

    const result = await executeTool('agentphone_get_conversation', {
      apiKey: API_KEY,
      conversationId: 'conv_3mv8',
    })

    expect(result).toEqual({
      success: true,
      output: {
        ...conversationDetailOutput,
        messages: [{ ...messageWithMediaOutput, mediaUrl: 'https://cdn.agentphone.ai/own.png' }],
      },
    })
  })
})

describe('agentphone_update_conversation', () => {
  it('PATCHes the metadata object and outputs the updated conversation', async () => {
    const metadata = { stage: 'booked', score: 9, nested: { at: '2026-02-01' } }
    const sent = mockApi('PATCH', {
      status: 200,
      body: { ...apiConversationDetail, metadata },
    })

    const result = await executeTool('agentphone_update_conversation', {
      apiKey: API_KEY,
      conversationId: 'conv_3mv8',
      metadata,
    })

    expect(sent).toEqual([
      {
        method: 'PATCH',
        path: '/v1/conversations/conv_3mv8',
        headers: apiHeaders(true),
        body: { metadata },
      },
    ])
    expect(result).toEqual({ success: true, output: { ...conversationDetailOutput, metadata } })
  })

  it('sends metadata: null explicitly, to clear it', async () => {
    const sent = mockApi('PATCH', {
      status: 200,
      body: { ...apiConversationDetail, metadata: null },
    })

    const result = await executeTool('agentphone_update_conversation', {
      apiKey: API_KEY,
      conversationId: 'conv_3mv8',
      metadata: null,
    })

    expect(sent.map((request) => request.body)).toEqual([{ metadata: null }])
    expect(result).toEqual({
      success: true,
      output: { ...conversationDetailOutput, metadata: null },
    })
  })

  it('parses metadata given as a JSON string (as the editor and LLMs send it)', async () => {
    const sent = mockApi('PATCH', { status: 200, body: apiConversationDetail })

    await executeTool('agentphone_update_conversation', {
      apiKey: API_KEY,
      conversationId: 'conv_3mv8',
      metadata: '{"stage":"qualified","score":8}',
    })

    expect(sent.map((request) => request.body)).toEqual([
      { metadata: { stage: 'qualified', score: 8 } },
    ])
  })

  it('refuses a call without metadata, which would change nothing, and sends nothing', async () => {
    const result = await executeTool('agentphone_update_conversation', {
      apiKey: API_KEY,
      conversationId: 'conv_3mv8',
    })

    expect(result).toEqual({
      success: false,
      output: {},
      error:
        'Invalid parameters for agentphone_update_conversation: give at least one of metadata: there is nothing to update',
    })
  })
})

describe('agentphone_get_conversation_messages', () => {
  it('GETs limit, before and after, taking mediaUrl from mediaUrls[0] when mediaUrl is null', async () => {
    const sent = mockApi('GET', {
      status: 200,
      body: { data: [apiMessageWithMedia, apiTextMessage], hasMore: true, nextCursor: 'x' },
    })

    const result = await executeTool('agentphone_get_conversation_messages', {
      apiKey: API_KEY,
      conversationId: 'conv_3mv8',
      limit: 2,
      before: '2026-02-01',
      after: '2026-01-31T00:00:00Z',
    })

    expect(sent).toEqual([
      {
        method: 'GET',
        path: '/v1/conversations/conv_3mv8/messages?limit=2&before=2026-02-01&after=2026-01-31T00%3A00%3A00Z',
        headers: apiHeaders(),
        body: undefined,
      },
    ])
    expect(result).toEqual({
      success: true,
      output: { data: [messageWithMediaOutput, textMessageOutput], hasMore: true },
    })
  })

  it('sends only the path when no filter is given; a missing hasMore is null', async () => {
    const sent = mockApi('GET', { status: 200, body: { data: [apiTextMessage] } })

    const result = await executeTool('agentphone_get_conversation_messages', {
      apiKey: API_KEY,
      conversationId: 'conv_3mv8',
    })

    expect(sent.map((request) => request.path)).toEqual(['/v1/conversations/conv_3mv8/messages'])
    expect(result).toEqual({
      success: true,
      output: { data: [textMessageOutput], hasMore: null },
    })
  })
})

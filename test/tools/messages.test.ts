import { describe, expect, it } from 'vitest'
import { executeTool } from '../../tools/index.js'
import { API_KEY, apiHeaders, mockApi, setUpNock } from '../support/nock-api.js'

setUpNock()

describe('agentphone_send_message', () => {
  const apiSent = {
    id: 'msg_01HQ9',
    status: 'queued',
    channel: 'mms',
    from_number: '+14155550123',
    to_number: '+14155559876',
    // Not among the outputs:
    conversation_id: 'conv_3mv8',
    media_urls: ['https://example.com/menu.png'],
  }

  it('POSTs a snake_case body with the media as media_urls: [url], and camelizes the answer', async () => {
    const sent = mockApi('POST', { status: 200, body: apiSent })

    const result = await executeTool('agentphone_send_message', {
      apiKey: API_KEY,
      agentId: 'agt_7hx2m4',
      toNumber: '+14155559876',
      body: 'Here is our menu 🍕',
      mediaUrl: 'https://example.com/menu.png',
      numberId: 'num_8f2k3j9q',
    })

    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/v1/messages',
        headers: apiHeaders(true),
        body: {
          agent_id: 'agt_7hx2m4',
          to_number: '+14155559876',
          body: 'Here is our menu 🍕',
          media_urls: ['https://example.com/menu.png'],
          number_id: 'num_8f2k3j9q',
        },
      },
    ])
    expect(result).toEqual({
      success: true,
      output: {
        id: 'msg_01HQ9',
        status: 'queued',
        channel: 'mms',
        fromNumber: '+14155550123',
        toNumber: '+14155559876',
      },
    })
  })

  it('sends neither media_urls nor number_id when they are blank, and the text as typed', async () => {
    const sent = mockApi('POST', {
      status: 200,
      body: { ...apiSent, channel: 'sms', media_urls: [], conversation_id: null },
    })

    await executeTool('agentphone_send_message', {
      apiKey: API_KEY,
      agentId: 'agt_7hx2m4',
      toNumber: '+14155559876',
      body: '  Line one\n  line two  ',
      mediaUrl: '',
      numberId: ' ',
    })

    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/v1/messages',
        headers: apiHeaders(true),
        body: {
          agent_id: 'agt_7hx2m4',
          to_number: '+14155559876',
          body: '  Line one\n  line two  ',
        },
      },
    ])
  })

  it('outputs null for fields the answer lacks, camelCase names winning over snake_case', async () => {
    mockApi('POST', {
      status: 200,
      body: { id: 'msg_2', fromNumber: '+14155550123', from_number: '+10000000000' },
    })

    const result = await executeTool('agentphone_send_message', {
      apiKey: API_KEY,
      agentId: 'agt_7hx2m4',
      toNumber: '+14155559876',
      body: 'Hi',
    })

    expect(result).toEqual({
      success: true,
      output: {
        id: 'msg_2',
        status: null,
        channel: null,
        fromNumber: '+14155550123',
        toNumber: null,
      },
    })
  })
})

describe('agentphone_react_to_message', () => {
  it('POSTs the reaction and camelizes reaction_type and message_id', async () => {
    const sent = mockApi('POST', {
      status: 200,
      body: {
        id: 'rxn_1',
        reaction_type: 'love',
        message_id: 'msg_01HQ3',
        channel: 'imessage',
        created_at: '2026-01-31T09:20:00Z',
      },
    })

    const result = await executeTool('agentphone_react_to_message', {
      apiKey: API_KEY,
      messageId: 'msg_01HQ3',
      reaction: 'love',
    })

    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/v1/messages/msg_01HQ3/reactions',
        headers: apiHeaders(true),
        body: { reaction: 'love' },
      },
    ])
    expect(result).toEqual({
      success: true,
      output: {
        id: 'rxn_1',
        reactionType: 'love',
        messageId: 'msg_01HQ3',
        channel: 'imessage',
      },
    })
  })

  it.each([
    ['LOVE', 'love'],
    [' Emphasize ', 'emphasize'],
    ['Question', 'question'],
  ])('sends %j as %j', async (given, canonical) => {
    const sent = mockApi('POST', {
      status: 200,
      body: { id: 'rxn_2', reaction_type: canonical, message_id: 'msg_1', channel: 'imessage' },
    })

    const result = await executeTool('agentphone_react_to_message', {
      apiKey: API_KEY,
      messageId: 'msg_1',
      reaction: given,
    })

    expect(sent.map((request) => request.body)).toEqual([{ reaction: canonical }])
    expect(result.output).toEqual({
      id: 'rxn_2',
      reactionType: canonical,
      messageId: 'msg_1',
      channel: 'imessage',
    })
  })
})

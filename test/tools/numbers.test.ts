import { describe, expect, it } from 'vitest'
import { executeTool } from '../../tools/index.js'
import { API_KEY, apiHeaders, mockApi, setUpNock } from '../support/nock-api.js'
import { apiNumber, numberOutput } from './fixtures.js'

setUpNock()

describe('agentphone_create_number', () => {
  it('POSTs country, areaCode and agentId in camelCase and outputs the new number', async () => {
    const sent = mockApi('POST', { status: 200, body: apiNumber })

    const result = await executeTool('agentphone_create_number', {
      apiKey: API_KEY,
      country: 'US',
      areaCode: '415',
      agentId: 'agt_7hx2m4',
    })

    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/v1/numbers',
        headers: apiHeaders(true),
        body: { country: 'US', areaCode: '415', agentId: 'agt_7hx2m4' },
      },
    ])
    expect(result).toEqual({ success: true, output: numberOutput })
  })

  it('sends an empty object when nothing optional is given, and outputs null for absent fields', async () => {
    const sent = mockApi('POST', {
      status: 200,
      body: { id: 'num_2', phoneNumber: '+16475550199', country: 'CA', status: 'active' },
    })

    const result = await executeTool('agentphone_create_number', {
      apiKey: API_KEY,
      country: '',
      areaCode: '  ',
      agentId: undefined,
    })

    expect(sent).toEqual([
      { method: 'POST', path: '/v1/numbers', headers: apiHeaders(true), body: {} },
    ])
    expect(result).toEqual({
      success: true,
      output: {
        id: 'num_2',
        phoneNumber: '+16475550199',
        country: 'CA',
        status: 'active',
        type: null,
        agentId: null,
        createdAt: null,
      },
    })
  })

  it('sends the country in its canonical spelling', async () => {
    const sent = mockApi('POST', { status: 200, body: apiNumber })

    await executeTool('agentphone_create_number', { apiKey: API_KEY, country: ' ca ' })

    expect(sent.map((request) => request.body)).toEqual([{ country: 'CA' }])
  })
})

describe('agentphone_list_numbers', () => {
  it('GETs limit and offset as query parameters and outputs the page', async () => {
    const second = { ...apiNumber, id: 'num_2', agentId: null, createdAt: '2026-01-16T10:00:00Z' }
    const sent = mockApi('GET', {
      status: 200,
      body: { data: [apiNumber, second], hasMore: true, total: 12 },
    })

    const result = await executeTool('agentphone_list_numbers', {
      apiKey: API_KEY,
      limit: 2,
      offset: 10,
    })

    expect(sent).toEqual([
      {
        method: 'GET',
        path: '/v1/numbers?limit=2&offset=10',
        headers: apiHeaders(),
        body: undefined,
      },
    ])
    expect(result).toEqual({
      success: true,
      output: {
        data: [
          numberOutput,
          { ...numberOutput, id: 'num_2', agentId: null, createdAt: '2026-01-16T10:00:00Z' },
        ],
        hasMore: true,
        total: 12,
      },
    })
  })

  it('sends no query string when no paging is given; an empty page is an empty list', async () => {
    const sent = mockApi('GET', { status: 200, body: { data: [], hasMore: false, total: 0 } })

    const result = await executeTool('agentphone_list_numbers', { apiKey: API_KEY })

    expect(sent.map((request) => request.path)).toEqual(['/v1/numbers'])
    expect(result).toEqual({ success: true, output: { data: [], hasMore: false, total: 0 } })
  })

  it('sends offset 0 (a given zero is not dropped)', async () => {
    const sent = mockApi('GET', { status: 200, body: { data: [], hasMore: false, total: 0 } })

    await executeTool('agentphone_list_numbers', { apiKey: API_KEY, offset: 0 })

    expect(sent.map((request) => request.path)).toEqual(['/v1/numbers?offset=0'])
  })
})

describe('agentphone_release_number', () => {
  it('DELETEs the number and outputs {id, released: true}', async () => {
    const sent = mockApi('DELETE', {
      status: 200,
      body: { success: true, phoneNumber: '+14155550123', status: 'released' },
    })

    const result = await executeTool('agentphone_release_number', {
      apiKey: API_KEY,
      numberId: 'num_8f2k3j9q',
    })

    expect(sent).toEqual([
      {
        method: 'DELETE',
        path: '/v1/numbers/num_8f2k3j9q',
        headers: apiHeaders(),
        body: undefined,
      },
    ])
    expect(result).toEqual({ success: true, output: { id: 'num_8f2k3j9q', released: true } })
  })

  it('accepts an empty 204 answer', async () => {
    mockApi('DELETE', { status: 204 })

    const result = await executeTool('agentphone_release_number', {
      apiKey: API_KEY,
      numberId: 'num_8f2k3j9q',
    })

    expect(result).toEqual({ success: true, output: { id: 'num_8f2k3j9q', released: true } })
  })

  it('reports released: false when the API says it did not succeed', async () => {
    mockApi('DELETE', { status: 200, body: { success: false, status: 'active' } })

    const result = await executeTool('agentphone_release_number', {
      apiKey: API_KEY,
      numberId: 'num_8f2k3j9q',
    })

    expect(result).toEqual({ success: true, output: { id: 'num_8f2k3j9q', released: false } })
  })
})

describe('agentphone_get_number_messages', () => {
  const apiNumberMessage = {
    id: 'msg_7',
    from_: '+14155559876',
    to: '+14155550123',
    body: 'STOP',
    direction: 'inbound',
    channel: 'sms',
    receivedAt: '2026-01-31T08:00:00Z',
    // Not among the outputs:
    numberId: 'num_8f2k3j9q',
    mediaUrls: [],
  }

  it('GETs limit, before and after and keeps the from_/to names', async () => {
    const sent = mockApi('GET', {
      status: 200,
      body: {
        data: [apiNumberMessage, { ...apiNumberMessage, id: 'msg_8', channel: null }],
        hasMore: true,
      },
    })

    const result = await executeTool('agentphone_get_number_messages', {
      apiKey: API_KEY,
      numberId: 'num_8f2k3j9q',
      limit: 200,
      before: '2026-01-31T09:00:00Z',
      after: '2026-01-01T00:00:00.000+01:00',
    })

    expect(sent).toEqual([
      {
        method: 'GET',
        path:
          '/v1/numbers/num_8f2k3j9q/messages?limit=200&before=2026-01-31T09%3A00%3A00Z' +
          '&after=2026-01-01T00%3A00%3A00.000%2B01%3A00',
        headers: apiHeaders(),
        body: undefined,
      },
    ])
    const messageOutput = {
      id: 'msg_7',
      from_: '+14155559876',
      to: '+14155550123',
      body: 'STOP',
      direction: 'inbound',
      channel: 'sms',
      receivedAt: '2026-01-31T08:00:00Z',
    }
    expect(result).toEqual({
      success: true,
      output: {
        data: [messageOutput, { ...messageOutput, id: 'msg_8', channel: null }],
        hasMore: true,
      },
    })
  })

  it('sends only the number path when no filter is given', async () => {
    const sent = mockApi('GET', { status: 200, body: { data: [], hasMore: false } })

    const result = await executeTool('agentphone_get_number_messages', {
      apiKey: API_KEY,
      numberId: 'num_8f2k3j9q',
    })

    expect(sent.map((request) => request.path)).toEqual(['/v1/numbers/num_8f2k3j9q/messages'])
    expect(result).toEqual({ success: true, output: { data: [], hasMore: false } })
  })
})

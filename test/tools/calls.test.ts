import { describe, expect, it } from 'vitest'
import { executeTool } from '../../tools/index.js'
import { API_KEY, apiHeaders, mockApi, setUpNock } from '../support/nock-api.js'
import { apiCall, apiRingingCall, callOutput, ringingCallOutput } from './fixtures.js'

setUpNock()

describe('agentphone_create_call', () => {
  const apiCreatedCall = {
    id: 'call_9zq1',
    agentId: 'agt_7hx2m4',
    fromNumber: '+14155550123',
    toNumber: '+14155559876',
    phoneNumberId: 'num_8f2k3j9q',
    direction: 'outbound',
    status: 'queued',
    startedAt: '2026-01-31T10:00:00Z',
    // Not among this operation's outputs:
    endedAt: null,
    recordingAvailable: false,
  }

  it('POSTs every given field in camelCase and outputs the call', async () => {
    const sent = mockApi('POST', { status: 200, body: apiCreatedCall })

    const result = await executeTool('agentphone_create_call', {
      apiKey: API_KEY,
      agentId: 'agt_7hx2m4',
      toNumber: '+14155559876',
      fromNumberId: 'num_8f2k3j9q',
      initialGreeting: 'Hi, this is Ava from Acme Dental.',
      voice: 'alloy',
      systemPrompt: 'You confirm appointments. Be brief.',
    })

    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/v1/calls',
        headers: apiHeaders(true),
        body: {
          agentId: 'agt_7hx2m4',
          toNumber: '+14155559876',
          fromNumberId: 'num_8f2k3j9q',
          initialGreeting: 'Hi, this is Ava from Acme Dental.',
          voice: 'alloy',
          systemPrompt: 'You confirm appointments. Be brief.',
        },
      },
    ])
    expect(result).toEqual({
      success: true,
      output: {
        id: 'call_9zq1',
        agentId: 'agt_7hx2m4',
        status: 'queued',
        toNumber: '+14155559876',
        fromNumber: '+14155550123',
        phoneNumberId: 'num_8f2k3j9q',
        direction: 'outbound',
        startedAt: '2026-01-31T10:00:00Z',
      },
    })
  })

  it('sends only agentId and toNumber when the rest is blank, trimming the IDs and number', async () => {
    const sent = mockApi('POST', {
      status: 200,
      body: { id: 'call_2', status: 'queued', direction: 'outbound' },
    })

    const result = await executeTool('agentphone_create_call', {
      apiKey: API_KEY,
      agentId: ' agt_7hx2m4 ',
      toNumber: ' +14155559876 ',
      fromNumberId: '',
      initialGreeting: '',
      voice: null,
      systemPrompt: '   ',
    })

    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/v1/calls',
        headers: apiHeaders(true),
        body: { agentId: 'agt_7hx2m4', toNumber: '+14155559876' },
      },
    ])
    expect(result).toEqual({
      success: true,
      output: {
        id: 'call_2',
        agentId: null,
        status: 'queued',
        toNumber: null,
        fromNumber: null,
        phoneNumberId: null,
        direction: 'outbound',
        startedAt: null,
      },
    })
  })
})

describe('agentphone_list_calls', () => {
  it('GETs every filter, in canonical spelling, with + in the search percent-encoded', async () => {
    const sent = mockApi('GET', {
      status: 200,
      body: { data: [apiCall, apiRingingCall], hasMore: false, total: 2 },
    })

    const result = await executeTool('agentphone_list_calls', {
      apiKey: API_KEY,
      limit: 100,
      offset: 20,
      status: 'In-Progress',
      direction: 'OUTBOUND',
      type: 'Pstn',
      search: '+1415',
    })

    expect(sent).toEqual([
      {
        method: 'GET',
        path: '/v1/calls?limit=100&offset=20&status=in-progress&direction=outbound&type=pstn&search=%2B1415',
        headers: apiHeaders(),
        body: undefined,
      },
    ])
    expect(result).toEqual({
      success: true,
      output: { data: [callOutput, ringingCallOutput], hasMore: false, total: 2 },
    })
  })

  it('sends no query string without filters', async () => {
    const sent = mockApi('GET', { status: 200, body: { data: [], hasMore: false, total: 0 } })

    const result = await executeTool('agentphone_list_calls', { apiKey: API_KEY, search: '' })

    expect(sent.map((request) => request.path)).toEqual(['/v1/calls'])
    expect(result).toEqual({ success: true, output: { data: [], hasMore: false, total: 0 } })
  })
})

describe('agentphone_get_call', () => {
  it('GETs the call and outputs it with its transcript turns', async () => {
    const sent = mockApi('GET', {
      status: 200,
      body: {
        ...apiCall,
        transcripts: [
          {
            id: 'tr_1',
            transcript: 'Hello?',
            confidence: 0.97,
            response: 'Hi! This is Ava from Acme Dental.',
            createdAt: '2026-01-31T10:00:05Z',
            // Not among the outputs:
            latencyMs: 420,
          },
          {
            id: 'tr_2',
            transcript: 'Bye.',
            confidence: null,
            response: null,
            createdAt: '2026-01-31T10:03:20Z',
          },
        ],
      },
    })

    const result = await executeTool('agentphone_get_call', {
      apiKey: API_KEY,
      callId: 'call_9zq1',
    })

    expect(sent).toEqual([
      { method: 'GET', path: '/v1/calls/call_9zq1', headers: apiHeaders(), body: undefined },
    ])
    expect(result).toEqual({
      success: true,
      output: {
        ...callOutput,
        transcripts: [
          {
            id: 'tr_1',
            transcript: 'Hello?',
            confidence: 0.97,
            response: 'Hi! This is Ava from Acme Dental.',
            createdAt: '2026-01-31T10:00:05Z',
          },
          {
            id: 'tr_2',
            transcript: 'Bye.',
            confidence: null,
            response: null,
            createdAt: '2026-01-31T10:03:20Z',
          },
        ],
      },
    })
  })

  it('outputs an empty transcript list and nulls for a call without them', async () => {
    mockApi('GET', { status: 200, body: apiRingingCall })

    const result = await executeTool('agentphone_get_call', {
      apiKey: API_KEY,
      callId: 'call_9zq2',
    })

    expect(result).toEqual({ success: true, output: { ...ringingCallOutput, transcripts: [] } })
  })
})

describe('agentphone_get_call_transcript', () => {
  const expectedTranscript = [
    { role: 'user', content: 'Hello?', createdAt: '2026-01-31T10:00:05Z' },
    { role: 'agent', content: 'Hi! This is Ava.', createdAt: '2026-01-31T10:00:05Z' },
    { role: 'user', content: 'Bye.', createdAt: '2026-01-31T10:03:20Z' },
  ]

  it('GETs the transcript and reads {transcript: [{role, content, createdAt}]}', async () => {
    const sent = mockApi('GET', {
      status: 200,
      body: {
        callId: 'call_9zq1',
        transcript: expectedTranscript.map((entry, i) => ({ ...entry, id: `te_${i}` })),
        status: 'completed',
      },
    })

    const result = await executeTool('agentphone_get_call_transcript', {
      apiKey: API_KEY,
      callId: 'call_9zq1',
    })

    expect(sent).toEqual([
      {
        method: 'GET',
        path: '/v1/calls/call_9zq1/transcript',
        headers: apiHeaders(),
        body: undefined,
      },
    ])
    expect(result).toEqual({
      success: true,
      output: { callId: 'call_9zq1', transcript: expectedTranscript },
    })
  })

  it('reads a bare array of entries (snake_case created_at too), taking callId from the request', async () => {
    mockApi('GET', {
      status: 200,
      body: [
        { role: 'user', content: 'Hello?', created_at: '2026-01-31T10:00:05Z' },
        { role: 'agent', content: 'Hi! This is Ava.', createdAt: '2026-01-31T10:00:05Z' },
        { role: 'user', content: 'Bye.', createdAt: '2026-01-31T10:03:20Z' },
      ],
    })

    const result = await executeTool('agentphone_get_call_transcript', {
      apiKey: API_KEY,
      callId: 'call_9zq1',
    })

    expect(result).toEqual({
      success: true,
      output: { callId: 'call_9zq1', transcript: expectedTranscript },
    })
  })

  it('expands turn objects {transcript, response} into a user entry then an agent entry', async () => {
    mockApi('GET', {
      status: 200,
      body: {
        call_id: 'call_9zq1',
        transcripts: [
          {
            id: 'tr_1',
            transcript: 'Hello?',
            confidence: 0.97,
            response: 'Hi! This is Ava.',
            createdAt: '2026-01-31T10:00:05Z',
          },
          {
            id: 'tr_2',
            transcript: 'Bye.',
            confidence: 0.9,
            response: null,
            created_at: '2026-01-31T10:03:20Z',
          },
        ],
      },
    })

    const result = await executeTool('agentphone_get_call_transcript', {
      apiKey: API_KEY,
      callId: 'call_9zq1',
    })

    expect(result).toEqual({
      success: true,
      output: { callId: 'call_9zq1', transcript: expectedTranscript },
    })
  })

  it('outputs an empty transcript for a call nobody spoke on', async () => {
    mockApi('GET', { status: 200, body: { transcript: [] } })

    const result = await executeTool('agentphone_get_call_transcript', {
      apiKey: API_KEY,
      callId: 'call_9zq3',
    })

    expect(result).toEqual({ success: true, output: { callId: 'call_9zq3', transcript: [] } })
  })
})

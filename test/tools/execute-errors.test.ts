/**
 * What executeTool returns when the API or the network fails: never a throw, always
 * `{success: false, output: {}, error}` with the HTTP status and the API's own words; which
 * failures are retried (GET, PATCH, DELETE) and which never are (POST).
 */
import { describe, expect, it } from 'vitest'
import { executeTool } from '../../tools/index.js'
import { API_KEY, mockApi, setUpNock } from '../support/nock-api.js'
import { apiContact, contactOutput } from './fixtures.js'

setUpNock()

const getContact = (options = {}) =>
  executeTool('agentphone_get_contact', { apiKey: API_KEY, contactId: 'ct_5k2p' }, options)

const sendMessage = (options = {}) =>
  executeTool(
    'agentphone_send_message',
    { apiKey: API_KEY, agentId: 'agt_7hx2m4', toNumber: '+14155559876', body: 'Hello' },
    options
  )

const failure = (error: string) => ({ success: false, output: {}, error })

describe('API error bodies', () => {
  it('a 404 with a string detail carries the status and the detail', async () => {
    const sent = mockApi('GET', { status: 404, body: { detail: 'Contact not found' } })

    const result = await getContact()

    expect(result).toEqual(failure('AgentPhone API error (HTTP 404 Not Found): Contact not found'))
    expect(sent).toHaveLength(1)
  })

  it('a 422 with a list detail names each field and what is wrong with it', async () => {
    mockApi('POST', {
      status: 422,
      body: {
        detail: [
          { loc: ['body', 'to_number'], msg: 'field required', type: 'missing' },
          { loc: ['body', 'media_urls', 0], msg: 'invalid url', type: 'url_parsing' },
        ],
      },
    })

    const result = await sendMessage()

    expect(result).toEqual(
      failure(
        'AgentPhone API error (HTTP 422 Unprocessable Entity): to_number: field required; media_urls.0: invalid url'
      )
    )
  })

  it('a body with a message field carries that message', async () => {
    mockApi('POST', { status: 400, body: { message: 'Number limit reached for your plan' } })

    const result = await executeTool('agentphone_create_number', { apiKey: API_KEY })

    expect(result).toEqual(
      failure('AgentPhone API error (HTTP 400 Bad Request): Number limit reached for your plan')
    )
  })

  it('a 401 says the key was refused, and is not retried', async () => {
    const sent = mockApi('GET', { status: 401, body: { detail: 'Invalid API key' } })

    const result = await getContact()

    expect(result).toEqual(failure('AgentPhone API error (HTTP 401 Unauthorized): Invalid API key'))
    expect(sent).toHaveLength(1)
  })

  it('a 409 on create_contact carries the conflict, sent once', async () => {
    const sent = mockApi('POST', {
      status: 409,
      body: { detail: 'A contact with this phone number already exists' },
    })

    const result = await executeTool('agentphone_create_contact', {
      apiKey: API_KEY,
      phoneNumber: '+14155559876',
      name: 'Jane Doe',
    })

    expect(result).toEqual(
      failure(
        'AgentPhone API error (HTTP 409 Conflict): A contact with this phone number already exists'
      )
    )
    expect(sent).toHaveLength(1)
  })

  it('a 4xx on react_to_message (an SMS cannot take a tapback) carries the detail', async () => {
    mockApi('POST', {
      status: 400,
      body: { detail: 'Reactions are only supported for iMessage messages' },
    })

    const result = await executeTool('agentphone_react_to_message', {
      apiKey: API_KEY,
      messageId: 'msg_1',
      reaction: 'like',
    })

    expect(result).toEqual(
      failure(
        'AgentPhone API error (HTTP 400 Bad Request): Reactions are only supported for iMessage messages'
      )
    )
  })

  it('a non-JSON 502 HTML page gives a short plain-text excerpt, not a crash', async () => {
    const page = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title>
      <style>body { color: red }</style></head>
      <body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>`
    mockApi('GET', { status: 502, body: page, headers: { 'content-type': 'text/html' } })

    const result = await getContact({ retries: 0 })

    expect(result).toEqual(
      failure('AgentPhone API error (HTTP 502 Bad Gateway): 502 Bad Gateway 502 Bad Gateway nginx')
    )
  })

  it('a long non-JSON body is cut to 200 characters', async () => {
    mockApi('GET', { status: 503, body: `Service Unavailable ${'x'.repeat(1000)}` })

    const result = await getContact({ retries: 0 })

    const excerpt = `Service Unavailable ${'x'.repeat(180)}…`
    expect(result).toEqual(
      failure(`AgentPhone API error (HTTP 503 Service Unavailable): ${excerpt}`)
    )
  })

  it('an empty error body says so', async () => {
    mockApi('DELETE', { status: 500 })

    const result = await executeTool(
      'agentphone_delete_contact',
      { apiKey: API_KEY, contactId: 'ct_5k2p' },
      { retries: 0 }
    )

    expect(result).toEqual(
      failure('AgentPhone API error (HTTP 500 Internal Server Error): (empty body)')
    )
  })
})

describe('unreadable success answers', () => {
  it('malformed JSON on a 200 is an error with an excerpt', async () => {
    mockApi('GET', { status: 200, body: '{"id": "ct_5k2p", "name": ' })

    const result = await getContact()

    expect(result).toEqual(
      failure(
        'AgentPhone returned a response that is not valid JSON (HTTP 200): {"id": "ct_5k2p", "name":'
      )
    )
  })

  it('a 200 that is not an object says what was expected', async () => {
    mockApi('GET', { status: 200, body: [apiContact] })

    const result = await getContact()

    expect(result).toEqual(
      failure('AgentPhone returned an unexpected response (HTTP 200): expected a JSON object')
    )
  })

  it('a field of the wrong type names the field', async () => {
    mockApi('GET', { status: 200, body: { data: 'none', hasMore: 'no', total: 0 } })

    const result = await executeTool('agentphone_list_numbers', { apiKey: API_KEY })

    expect(result.success).toBe(false)
    expect(result.error).toMatch(
      /^AgentPhone returned an unexpected response \(HTTP 200\): data .+; hasMore .+$/
    )
  })
})

describe('retries', () => {
  it('a GET answered 429 with Retry-After: 1 waits at least a second, then succeeds', async () => {
    const sent = mockApi('GET', [
      { status: 429, body: { detail: 'Rate limit exceeded' }, headers: { 'Retry-After': '1' } },
      { status: 200, body: apiContact },
    ])

    const started = performance.now()
    const result = await getContact()
    const elapsed = performance.now() - started

    expect(result).toEqual({ success: true, output: contactOutput })
    expect(sent).toHaveLength(2)
    // The default backoff before a first retry is 300 ms; only Retry-After explains a second.
    expect(elapsed).toBeGreaterThanOrEqual(950)
  })

  it('a GET answered 503 with Retry-After: 1 waits at least a second too', async () => {
    const sent = mockApi('GET', [
      { status: 503, body: 'Down for maintenance', headers: { 'Retry-After': '1' } },
      { status: 200, body: apiContact },
    ])

    const started = performance.now()
    const result = await getContact({ retries: 1 })
    const elapsed = performance.now() - started

    expect(result).toEqual({ success: true, output: contactOutput })
    expect(sent).toHaveLength(2)
    expect(elapsed).toBeGreaterThanOrEqual(950)
  })

  it('a POST answered 429 is not retried and reports the rate limit', async () => {
    const sent = mockApi('POST', {
      status: 429,
      body: { detail: 'Rate limit exceeded' },
      headers: { 'Retry-After': '1' },
    })

    const result = await sendMessage()

    expect(result).toEqual(
      failure('AgentPhone API error (HTTP 429 Too Many Requests): Rate limit exceeded')
    )
    expect(sent).toHaveLength(1)
  })

  it('a GET is retried twice by default on 5xx and succeeds on the third attempt', async () => {
    const sent = mockApi('GET', [
      { status: 500, body: { detail: 'Internal error' } },
      { status: 503, body: 'upstream connect error' },
      { status: 200, body: apiContact },
    ])

    const result = await getContact()

    expect(result).toEqual({ success: true, output: contactOutput })
    expect(sent.map((request) => request.path)).toEqual([
      '/v1/contacts/ct_5k2p',
      '/v1/contacts/ct_5k2p',
      '/v1/contacts/ct_5k2p',
    ])
  })

  it('a GET that keeps failing reports the last error after 1 + 2 attempts', async () => {
    const sent = mockApi('GET', [
      { status: 502, body: 'bad gateway' },
      { status: 504, body: 'gateway timeout' },
      { status: 500, body: { detail: 'Still broken' } },
    ])

    const result = await getContact()

    expect(result).toEqual(
      failure('AgentPhone API error (HTTP 500 Internal Server Error): Still broken')
    )
    expect(sent).toHaveLength(3)
  })

  it.each([408, 500, 502, 503, 504])('a GET answered %i is retried', async (status) => {
    const sent = mockApi('GET', [{ status }, { status: 200, body: apiContact }])

    const result = await getContact({ retries: 1 })

    expect(result).toEqual({ success: true, output: contactOutput })
    expect(sent).toHaveLength(2)
  })

  it.each([400, 401, 403, 404, 409, 422])('a GET answered %i is not retried', async (status) => {
    const sent = mockApi('GET', { status, body: { detail: 'No' } })

    const result = await getContact({ retries: 2 })

    expect(result.success).toBe(false)
    expect(result.error).toMatch(new RegExp(`^AgentPhone API error \\(HTTP ${status} .+\\): No$`))
    expect(sent).toHaveLength(1)
  })

  it('a PATCH is retried on 5xx', async () => {
    const sent = mockApi('PATCH', [
      { status: 502, body: 'bad gateway' },
      { status: 200, body: { ...apiContact, name: 'Jane Smith' } },
    ])

    const result = await executeTool(
      'agentphone_update_contact',
      { apiKey: API_KEY, contactId: 'ct_5k2p', name: 'Jane Smith' },
      { retries: 1 }
    )

    expect(result).toEqual({ success: true, output: { ...contactOutput, name: 'Jane Smith' } })
    expect(sent.map((request) => request.body)).toEqual([
      { name: 'Jane Smith' },
      { name: 'Jane Smith' },
    ])
  })

  it('a DELETE is retried on 5xx', async () => {
    const sent = mockApi('DELETE', [{ status: 503, body: 'unavailable' }, { status: 204 }])

    const result = await executeTool(
      'agentphone_delete_contact',
      { apiKey: API_KEY, contactId: 'ct_5k2p' },
      { retries: 1 }
    )

    expect(result).toEqual({ success: true, output: { id: 'ct_5k2p', deleted: true } })
    expect(sent).toHaveLength(2)
  })

  it('a POST that fails with 503 is sent exactly once and reports the error', async () => {
    const sent = mockApi('POST', { status: 503, body: { detail: 'Carrier unavailable' } })

    const result = await sendMessage({ retries: 5 })

    expect(result).toEqual(
      failure('AgentPhone API error (HTTP 503 Service Unavailable): Carrier unavailable')
    )
    expect(sent).toHaveLength(1)
  })

  it.each([
    ['create_call', { agentId: 'agt_1', toNumber: '+14155559876' }],
    ['create_number', {}],
    ['create_contact', { phoneNumber: '+14155559876', name: 'Jane' }],
    ['react_to_message', { messageId: 'msg_1', reaction: 'love' }],
  ])('agentphone_%s (a POST) is never retried', async (operation, params) => {
    const sent = mockApi('POST', { status: 500, body: { detail: 'Boom' } })

    const result = await executeTool(`agentphone_${operation}`, { apiKey: API_KEY, ...params })

    expect(result).toEqual(failure('AgentPhone API error (HTTP 500 Internal Server Error): Boom'))
    expect(sent).toHaveLength(1)
  })

  it('a network error is retried for a GET', async () => {
    const sent = mockApi('GET', [
      { networkError: 'socket hang up' },
      { status: 200, body: apiContact },
    ])

    const result = await getContact({ retries: 1 })

    expect(result).toEqual({ success: true, output: contactOutput })
    expect(sent).toHaveLength(2)
  })

  it('a network error is not retried for a POST, and says AgentPhone could not be reached', async () => {
    const sent = mockApi('POST', { networkError: 'socket hang up' })

    const result = await sendMessage({ retries: 2 })

    expect(result).toEqual(
      failure('Could not reach AgentPhone at https://api.agentphone.ai: socket hang up')
    )
    expect(sent).toHaveLength(1)
  })

  it('a network error on every attempt of a GET is reported', async () => {
    const sent = mockApi('GET', [
      { networkError: 'connect ECONNREFUSED' },
      { networkError: 'connect ECONNREFUSED' },
    ])

    const result = await getContact({ retries: 1 })

    expect(result).toEqual(
      failure('Could not reach AgentPhone at https://api.agentphone.ai: connect ECONNREFUSED')
    )
    expect(sent).toHaveLength(2)
  })

  it('retries: 0 sends a failing GET once', async () => {
    const sent = mockApi('GET', { status: 503, body: 'unavailable' })

    const result = await getContact({ retries: 0 })

    expect(result).toEqual(
      failure('AgentPhone API error (HTTP 503 Service Unavailable): unavailable')
    )
    expect(sent).toHaveLength(1)
  })

  it('retries: 1 stops after the second attempt', async () => {
    const sent = mockApi('GET', [
      { status: 500, body: 'first' },
      { status: 500, body: 'second' },
    ])

    const result = await getContact({ retries: 1 })

    expect(result).toEqual(failure('AgentPhone API error (HTTP 500 Internal Server Error): second'))
    expect(sent).toHaveLength(2)
  })
})

describe('timeouts', () => {
  it('a GET that does not answer within timeoutMs fails with a clear message', async () => {
    mockApi('GET', { status: 200, body: apiContact, delayMs: 2_000 })

    const result = await getContact({ timeoutMs: 100, retries: 0 })

    expect(result).toEqual(
      failure('AgentPhone did not answer within 100 ms (https://api.agentphone.ai)')
    )
  })

  it('a POST that times out is not sent again', async () => {
    const sent = mockApi('POST', { status: 200, body: { id: 'msg_1' }, delayMs: 2_000 })

    const result = await sendMessage({ timeoutMs: 100, retries: 2 })

    expect(result).toEqual(
      failure('AgentPhone did not answer within 100 ms (https://api.agentphone.ai)')
    )
    expect(sent).toHaveLength(1)
  })
})

describe('the API key is never returned', () => {
  it('is redacted from an error the API echoes it in', async () => {
    mockApi('GET', { status: 401, body: { detail: `Invalid API key: ${API_KEY}` } })

    const result = await getContact()

    expect(result).toEqual(
      failure('AgentPhone API error (HTTP 401 Unauthorized): Invalid API key: [REDACTED]')
    )
    expect(JSON.stringify(result)).not.toContain(API_KEY)
  })

  it('is redacted from a non-JSON error page that shows it', async () => {
    mockApi('GET', { status: 502, body: `<p>upstream rejected Bearer ${API_KEY}</p>` })

    const result = await getContact({ retries: 0 })

    expect(result).toEqual(
      failure('AgentPhone API error (HTTP 502 Bad Gateway): upstream rejected Bearer [REDACTED]')
    )
  })

  it('is redacted from a success answer that echoes it', async () => {
    mockApi('GET', {
      status: 200,
      body: { ...apiContact, notes: `key=${API_KEY}; again ${API_KEY}`, name: API_KEY },
    })

    const result = await getContact()

    expect(result).toEqual({
      success: true,
      output: { ...contactOutput, notes: 'key=[REDACTED]; again [REDACTED]', name: '[REDACTED]' },
    })
  })

  it('is redacted from a nested JSON output and a list', async () => {
    mockApi('GET', {
      status: 200,
      body: {
        id: 'conv_1',
        metadata: { token: API_KEY, list: [`x${API_KEY}x`] },
        messages: [{ id: 'msg_1', body: `my key is ${API_KEY}` }],
      },
    })

    const result = await executeTool('agentphone_get_conversation', {
      apiKey: API_KEY,
      conversationId: 'conv_1',
    })

    expect(result.output).toMatchObject({
      metadata: { token: '[REDACTED]', list: ['x[REDACTED]x'] },
      messages: [{ id: 'msg_1', body: 'my key is [REDACTED]' }],
    })
    expect(JSON.stringify(result)).not.toContain(API_KEY)
  })

  it('is redacted when it was given with surrounding spaces', async () => {
    const sent = mockApi('GET', { status: 403, body: { detail: `Key ${API_KEY} is disabled` } })

    const result = await executeTool('agentphone_get_contact', {
      apiKey: `  ${API_KEY}\n`,
      contactId: 'ct_5k2p',
    })

    expect(sent.map((request) => request.headers.authorization)).toEqual([`Bearer ${API_KEY}`])
    expect(result).toEqual(
      failure('AgentPhone API error (HTTP 403 Forbidden): Key [REDACTED] is disabled')
    )
  })
})

/** The runtime meets a misbehaving server: faults armed in the sandbox, hit through executeTool. */
import { describe, expect, it } from 'vitest'
import { type Harness, newKey, setup } from './harness.js'

const arm = async (h: Harness, fault: Record<string, unknown>) => {
  const answer = await h.api('POST', '/sandbox/faults', fault)
  expect(answer.status).toBe(201)
  return answer.body as { id: string }
}

const summary = (records: Awaited<ReturnType<Harness['requests']>>) =>
  records.map(({ method, path, status, fault }) => ({ method, path, status, fault }))

describe('faults through executeTool', () => {
  it('a GET recovers from a 503: retried, then answered', async () => {
    const h = await setup()
    const fault = await arm(h, { kind: 'status', status: 503, method: 'GET', path: '/v1/numbers' })
    const result = await h.run('list_numbers')
    expect(result.success).toBe(true)
    expect(result.output.total).toBe(2)
    expect(summary(await h.requests())).toEqual([
      { method: 'GET', path: '/v1/numbers', status: 503, fault: fault.id },
      { method: 'GET', path: '/v1/numbers', status: 200, fault: null },
    ])
  })

  it('a GET recovers from a 429 with Retry-After: 1', async () => {
    const h = await setup()
    await arm(h, { kind: 'status', status: 429, retryAfter: 1, detail: 'Too many requests' })
    const result = await h.run('get_usage')
    expect(result.success).toBe(true)
    expect((await h.requests()).map((r) => r.status)).toEqual([429, 200])
  })

  it('a GET that keeps failing gives up after its retries with the last error', async () => {
    const h = await setup()
    await arm(h, { kind: 'status', status: 500, times: 3, detail: 'Database unavailable' })
    const result = await h.run('list_contacts')
    expect(result).toEqual({
      success: false,
      output: {},
      error: 'AgentPhone API error (HTTP 500 Internal Server Error): Database unavailable',
    })
    expect((await h.requests()).map((r) => r.status)).toEqual([500, 500, 500])
  })

  it('a POST hit by a 503 is sent exactly once, and nothing is sent twice', async () => {
    const h = await setup()
    const agentId = h.seed.agents[0]?.id
    await arm(h, { kind: 'status', status: 503, method: 'POST', path: '/v1/messages' })
    const result = await h.run('send_message', { agentId, toNumber: '+14155550101', body: 'Once' })
    expect(result.success).toBe(false)
    expect(result.error).toBe(
      'AgentPhone API error (HTTP 503 Service Unavailable): Service Unavailable'
    )
    expect(summary(await h.requests())).toEqual([
      { method: 'POST', path: '/v1/messages', status: 503, fault: expect.any(String) },
    ])
    // The faulted request was not handled: no conversation was started.
    expect((await h.run('list_conversations')).output.total).toBe(2)
  })

  it('an HTML 502 page gives a clear error, not a parse failure', async () => {
    const h = await setup()
    await arm(h, { kind: 'status', status: 502, body: 'html' })
    const result = await h.run('get_usage', {}, { retries: 0 })
    expect(result).toEqual({
      success: false,
      output: {},
      error:
        'AgentPhone API error (HTTP 502 Bad Gateway): 502 Bad Gateway 502 Bad Gateway sandbox-gateway',
    })
  })

  it('an empty error body gives the status alone', async () => {
    const h = await setup()
    await arm(h, { kind: 'status', status: 504, body: 'empty' })
    const result = await h.run('get_usage', {}, { retries: 0 })
    expect(result.error).toBe('AgentPhone API error (HTTP 504 Gateway Timeout): (empty body)')
  })

  it('a dropped connection gives a clear network error; a POST is not retried', async () => {
    const h = await setup()
    await arm(h, { kind: 'drop', method: 'POST' })
    const result = await h.run('create_contact', { phoneNumber: '+14155550188', name: 'Dropped' })
    expect(result).toEqual({
      success: false,
      output: {},
      error: `Could not reach AgentPhone at ${h.sandbox.url}: fetch failed: other side closed`,
    })
    expect(summary(await h.requests())).toEqual([
      { method: 'POST', path: '/v1/contacts', status: null, fault: expect.any(String) },
    ])
    expect((await h.run('list_contacts')).output.total).toBe(5)
  })

  it('a dropped connection on a GET is retried', async () => {
    const h = await setup()
    await arm(h, { kind: 'drop', path: '/v1/calls' })
    expect((await h.run('list_calls')).success).toBe(true)
    expect((await h.requests()).map((r) => r.status)).toEqual([null, 200])
  })

  it('malformed JSON on a 200 gives a clear error', async () => {
    const h = await setup()
    await arm(h, { kind: 'malformed-json', path: '/v1/usage' })
    const result = await h.run('get_usage')
    expect(result.success).toBe(false)
    expect(result.error).toMatch(
      /^AgentPhone returned a response that is not valid JSON \(HTTP 200\): \{"plan":\{"name":"Sandbox"/
    )
  })

  it('a delay longer than the timeout gives a timeout error', async () => {
    const h = await setup()
    await arm(h, { kind: 'delay', delayMs: 5_000 })
    const result = await h.run('get_usage', {}, { timeoutMs: 50, retries: 0 })
    expect(result.error).toBe(`AgentPhone did not answer within 50 ms (${h.sandbox.url})`)
  })

  it('a client that gives up during a delay: no answer, no internal error, status null', async () => {
    const lines: string[] = []
    const h = await setup({ log: (line) => lines.push(line) })
    const fault = await arm(h, { kind: 'delay', delayMs: 60_000, path: '/v1/usage' })
    const controller = new AbortController()
    const pending = h.sandbox.fetch(`${h.sandbox.url}/v1/usage`, {
      headers: { Authorization: `Bearer ${h.key}` },
      signal: controller.signal,
    })
    controller.abort(new Error('the client gave up'))
    // As the real fetch does: the request rejects with the signal's reason.
    await expect(pending).rejects.toThrow('the client gave up')
    expect(lines).toEqual([`GET /v1/usage closed by the client (${fault.id})`])
    expect(summary(await h.requests())).toEqual([
      { method: 'GET', path: '/v1/usage', status: null, fault: fault.id },
    ])
  })

  it('a wrong key gives a clear 401, and the key appears nowhere', async () => {
    const h = await setup()
    const wrongKey = 'sk_live_0123456789abcdef'
    const result = await h.runWith(wrongKey)('list_numbers')
    expect(result).toEqual({
      success: false,
      output: {},
      error: 'AgentPhone API error (HTTP 401 Unauthorized): Invalid API key',
    })
    expect(JSON.stringify(result)).not.toContain(wrongKey)
  })
})

describe('fault rules', () => {
  it('faults match by method and path pattern, and count down', async () => {
    const h = await setup()
    const callId = h.seed.calls[0]?.id
    await arm(h, { kind: 'status', status: 418, path: '/v1/calls/*', times: 2 })
    const retries = { retries: 0 }
    expect((await h.run('get_call_transcript', { callId }, retries)).success).toBe(true)
    expect((await h.run('list_calls', {}, retries)).success).toBe(true)
    expect((await h.run('get_call', { callId }, retries)).error).toMatch(/HTTP 418/)
    expect((await h.run('get_call', { callId }, retries)).error).toMatch(/HTTP 418/)
    expect((await h.run('get_call', { callId }, retries)).success).toBe(true)
    expect((await h.api('GET', '/sandbox/faults')).body).toEqual({ data: [] })
  })

  it('`**` matches any depth; DELETE /sandbox/faults disarms', async () => {
    const h = await setup()
    await arm(h, { kind: 'status', status: 500, path: '/v1/**', times: 100 })
    expect((await h.api('GET', '/sandbox/faults')).body).toMatchObject({
      data: [{ kind: 'status', status: 500, path: '/v1/**', remaining: 100 }],
    })
    expect((await h.run('get_usage_daily', {}, { retries: 0 })).success).toBe(false)
    expect((await h.api('DELETE', '/sandbox/faults')).body).toEqual({ cleared: 1 })
    expect((await h.run('get_usage_daily', {}, { retries: 0 })).success).toBe(true)
  })

  it('faults and the request log belong to the key that armed them', async () => {
    const h = await setup()
    await arm(h, { kind: 'status', status: 503, times: 10 })
    const other = h.runWith(newKey())
    expect((await other('list_numbers', {}, { retries: 0 })).success).toBe(true)
    expect(await h.requests()).toEqual([])
    expect((await h.run('list_numbers', {}, { retries: 0 })).success).toBe(false)
  })

  it('the request log records method, path, query, time and status; it can be cleared', async () => {
    const h = await setup()
    await h.run('list_calls', { limit: 5, status: 'failed' })
    expect(await h.requests()).toEqual([
      {
        method: 'GET',
        path: '/v1/calls',
        query: '?limit=5&status=failed',
        time: '2026-03-02T15:04:05.000Z',
        status: 200,
        fault: null,
      },
    ])
    expect((await h.api('DELETE', '/sandbox/requests')).body).toEqual({ cleared: 1 })
    expect(await h.requests()).toEqual([])
  })

  it('refuses an ill-formed fault with a 422', async () => {
    const h = await setup()
    const unknownKind = await h.api('POST', '/sandbox/faults', { kind: 'explode' })
    expect(unknownKind.status).toBe(422)
    const badStatus = await h.api('POST', '/sandbox/faults', { kind: 'status', status: 200 })
    expect(badStatus.body).toEqual({
      detail: [
        {
          loc: ['body', 'status'],
          msg: 'Input should be greater than or equal to 400',
          type: 'greater_than_equal',
        },
      ],
    })
  })
})

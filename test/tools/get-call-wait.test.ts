/**
 * Get Call's `wait`: the tool asks the API to long-poll (`?wait=true&timeout=N`), executeTool gives
 * that attempt time for the whole wait, and the block's "Wait for the call to finish" switch (with
 * the timeout in advanced mode) turns it on.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { paramsOf, runBlock } from '../../blocks/index.js'
import { POLL_MS } from '../../sandbox/wait.js'
import { heldForMs, LONG_POLL_MARGIN_MS } from '../../tools/execute.js'
import { DEFAULT_TIMEOUT_MS, executeTool } from '../../tools/index.js'
import { setup } from '../sandbox/harness.js'
import { API_KEY, mockApi, setUpNock } from '../support/nock-api.js'

setUpNock()

const getCall = (params: Record<string, unknown>) =>
  executeTool('agentphone_get_call', { apiKey: API_KEY, callId: 'call_1', ...params })

async function sentPath(params: Record<string, unknown>) {
  const sent = mockApi('GET', { status: 200, body: { id: 'call_1', status: 'completed' } })
  const result = await getCall(params)
  expect(result.success, result.error).toBe(true)
  return sent[0]?.path
}

describe('agentphone_get_call wait', () => {
  it('asks the API to long-poll, for 120 s unless told otherwise', async () => {
    expect(await sentPath({ wait: true })).toBe('/v1/calls/call_1?wait=true&timeout=120')
    expect(await sentPath({ wait: 'TRUE', timeoutSeconds: ' 30 ' })).toBe(
      '/v1/calls/call_1?wait=true&timeout=30'
    )
  })

  it('does not wait without wait=true, whatever the timeout', async () => {
    expect(await sentPath({})).toBe('/v1/calls/call_1')
    expect(await sentPath({ wait: false, timeoutSeconds: 30 })).toBe('/v1/calls/call_1')
    expect(await sentPath({ wait: '' })).toBe('/v1/calls/call_1')
  })

  it.each([
    [{ wait: 'yes' }, 'wait must be true or false'],
    [{ wait: 1 }, 'wait must be true or false'],
    [{ wait: true, timeoutSeconds: 0 }, 'timeoutSeconds must be between 1 and 300'],
    [{ wait: true, timeoutSeconds: 301 }, 'timeoutSeconds must be between 1 and 300'],
    [{ wait: true, timeoutSeconds: 2.5 }, 'timeoutSeconds must be a whole number'],
  ])('refuses %j before sending anything', async (params, message) => {
    const result = await getCall(params)
    expect(result).toEqual({
      success: false,
      output: {},
      error: `Invalid parameters for agentphone_get_call: ${message}`,
    })
  })

  it('gives the attempt the whole wait plus a margin, never less than the usual timeout', () => {
    expect(heldForMs('agentphone_get_call', { wait: true })).toBe(120_000)
    expect(heldForMs('agentphone_get_call', { wait: true, timeoutSeconds: 300 })).toBe(300_000)
    expect(heldForMs('agentphone_get_call', { wait: false, timeoutSeconds: 300 })).toBe(0)
    expect(heldForMs('agentphone_list_calls', { wait: true })).toBe(0)
    expect(LONG_POLL_MARGIN_MS).toBeGreaterThan(0)
    expect(DEFAULT_TIMEOUT_MS).toBeLessThan(120_000)
  })

  it('is not cut short by a per-attempt timeout shorter than the wait', async () => {
    const h = await setup()
    const placed = await h.api('POST', '/v1/calls', {
      agentId: h.seed.agents[0]?.id,
      toNumber: '+14155550150',
    })
    const callId = (placed.body as { id: string }).id
    const pending = h.run(
      'get_call',
      { callId, wait: true, timeoutSeconds: 60 },
      { timeoutMs: 50, retries: 0 }
    )
    // Far longer than the 50 ms timeout asked for: without the wait's allowance it would be over.
    await sleep(POLL_MS * 5)
    h.clock.now += 30_000
    const result = await pending
    expect(result.success, result.error).toBe(true)
    expect(result.output).toMatchObject({ id: callId, status: 'completed' })
    expect(result.output.transcripts).toHaveLength(3)
  })
})

describe('the block’s "Wait for the call to finish" switch', () => {
  const values = (fields: Record<string, unknown>) => ({
    operation: 'get_call',
    apiKey: API_KEY,
    callId: 'call_1',
    ...fields,
  })

  it('turns wait on, with the advanced timeout', () => {
    expect(paramsOf(values({ waitForCompletion: true, waitTimeout: '45' }))).toEqual({
      apiKey: API_KEY,
      callId: 'call_1',
      wait: true,
      timeoutSeconds: 45,
    })
    expect(paramsOf(values({ waitForCompletion: 'true' }))).toMatchObject({ wait: true })
  })

  it('leaves wait off when the switch is off or unset', () => {
    expect(paramsOf(values({ waitForCompletion: false }))).toEqual({
      apiKey: API_KEY,
      callId: 'call_1',
    })
    expect(paramsOf(values({}))).toEqual({ apiKey: API_KEY, callId: 'call_1' })
  })

  it('refuses a switch value that is neither on nor off', async () => {
    const result = await runBlock(values({ waitForCompletion: 'maybe' }))
    expect(result).toMatchObject({
      success: false,
      error: 'Wait for the call to finish must be on or off (true or false), got "maybe"',
    })
  })

  it('runs Get Call with the wait against the sandbox and reads the finished transcript', async () => {
    const h = await setup()
    const placed = await h.api('POST', '/v1/calls', {
      agentId: h.seed.agents[0]?.id,
      toNumber: '+14155550151',
      initialGreeting: 'Hello from the block test.',
    })
    const callId = (placed.body as { id: string }).id
    const pending = runBlock(
      { operation: 'get_call', apiKey: h.key, callId, waitForCompletion: true, waitTimeout: '60' },
      { baseUrl: h.sandbox.url, fetch: h.sandbox.fetch }
    )
    h.clock.now += 30_000
    const result = await pending
    expect(result.success, result.error).toBe(true)
    expect(result.output.status).toBe('completed')
    expect(JSON.stringify(result.output.transcripts)).toContain('Hello from the block test.')
  })
})

/**
 * The runtime's promises at their edges: keys scrubbed even where an excerpt would cut them,
 * stalled bodies timed out, timeouts retried only where safe, Retry-After on every retryable
 * status, options checked, unknown transcript shapes refused, and request builders that
 * validate on their own for hosts (like Sim) that call them directly.
 */
import { describe, expect, it, vi } from 'vitest'
import { agentphoneTools, executeTool } from '../../tools/index.js'
import type { ToolConfig } from '../../tools/types.js'
import { API_KEY, mockApi, setUpNock } from '../support/nock-api.js'

setUpNock()

const getUsage = (options = {}) => executeTool('agentphone_get_usage', { apiKey: API_KEY }, options)

describe('the API key in answers', () => {
  it('is scrubbed from a non-JSON error body even where the excerpt is cut', async () => {
    // The excerpt keeps 200 characters: the key starts at 190 and would be cut in half.
    mockApi('GET', {
      status: 502,
      body: `<html><body>${'x'.repeat(189)} ${API_KEY} tail</body></html>`,
    })

    const result = await getUsage({ retries: 0 })

    expect(result.error).toBe(
      `AgentPhone API error (HTTP 502 Bad Gateway): ${'x'.repeat(189)} [REDACTED]…`
    )
    expect(result.error).not.toContain(API_KEY.slice(0, 8))
  })

  it('is scrubbed from a malformed 200 body before it is excerpted', async () => {
    // The key starts at 186: unscrubbed, the 200-character excerpt would cut it after 14.
    const prefix = `{"plan": "${'y'.repeat(176)}`
    mockApi('GET', { status: 200, body: `${prefix}${API_KEY}` })

    const result = await getUsage()

    expect(result).toEqual({
      success: false,
      output: {},
      error: `AgentPhone returned a response that is not valid JSON (HTTP 200): ${prefix}[REDACTED]`,
    })
    expect(result.error).not.toContain(API_KEY.slice(0, 8))
  })

  it('cannot be too short to scrub: keys under 8 characters are refused before sending', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>()
    const result = await executeTool('agentphone_get_usage', { apiKey: 'abc12' }, { fetch })
    expect(result.error).toBe(
      'Invalid parameters for agentphone_get_usage: apiKey is too short to be an AgentPhone API key'
    )
    expect(fetch).not.toHaveBeenCalled()
  })
})

/** A fetch whose answer sends its headers and the start of a body, then stalls. */
function stallingFetch(calls: { count: number }): typeof fetch {
  return (async () => {
    calls.count++
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"plan": '))
      },
    })
    return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } })
  }) as typeof fetch
}

describe('timeouts', () => {
  it('cover reading the body: a stalled answer fails instead of hanging', async () => {
    const calls = { count: 0 }
    const result = await getUsage({ fetch: stallingFetch(calls), timeoutMs: 100, retries: 0 })
    expect(result).toEqual({
      success: false,
      output: {},
      error: 'AgentPhone did not finish its answer within 100 ms (https://api.agentphone.ai)',
    })
    expect(calls.count).toBe(1)
  })

  it('are retried for a GET, which is safe to repeat', async () => {
    const sent = mockApi('GET', [
      { status: 200, body: {}, delayMs: 2_000 },
      { status: 200, body: { periodStart: '2026-11-01' } },
    ])

    const result = await getUsage({ timeoutMs: 100, retries: 1 })

    expect(sent).toHaveLength(2)
    expect(result.success).toBe(true)
    expect(result.output.periodStart).toBe('2026-11-01')
  })
})

describe('Retry-After', () => {
  it('is honoured on a 502 too, not only on 429 and 503', async () => {
    const sent = mockApi('GET', [
      { status: 502, body: 'bad gateway', headers: { 'Retry-After': '1' } },
      { status: 200, body: {} },
    ])
    const started = Date.now()

    const result = await getUsage()

    expect(result.success).toBe(true)
    expect(sent).toHaveLength(2)
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
  })
})

describe('options', () => {
  it.each([
    [{ timeoutMs: -1 }, 'timeoutMs must be more than 0'],
    [{ timeoutMs: Number.NaN }, 'timeoutMs must be a number of milliseconds'],
    [{ timeoutMs: 3e9 }, 'timeoutMs must be at most 2147483647 (about 24 days)'],
    [{ retries: Number.POSITIVE_INFINITY }, 'retries must be a whole number'],
    [{ retries: 11 }, 'retries must be between 0 and 10'],
    [{ baseUrl: 42 }, 'baseUrl must be a string'],
    [{ fetch: 'nope' }, 'fetch must be a function'],
  ])('refuses %j before sending', async (options, message) => {
    const result = await getUsage(options)
    expect(result).toEqual({ success: false, output: {}, error: `Invalid options: ${message}` })
  })

  it.each([
    'http://',
    'https://api.agentphone.ai/?x=1',
    'https://api.agentphone.ai/#top',
    'mailto:a@b.c',
  ])('refuses the base URL %j before sending', async (baseUrl) => {
    const fetch = vi.fn<typeof globalThis.fetch>()
    const result = await getUsage({ baseUrl, fetch })
    expect(result.error).toBe(
      `Invalid AgentPhone base URL "${baseUrl.replace(/\/+$/, '')}": expected http(s)://host`
    )
    expect(fetch).not.toHaveBeenCalled()
  })

  it('treats null options and null params like absent ones, without throwing', async () => {
    mockApi('GET', { status: 200, body: {} })
    expect(
      (await executeTool('agentphone_get_usage', { apiKey: API_KEY }, null as never)).success
    ).toBe(true)
    expect(await executeTool('agentphone_get_usage', null as never)).toEqual({
      success: false,
      output: {},
      error: 'Invalid parameters for agentphone_get_usage: apiKey is required',
    })
    expect((await executeTool('agentphone_get_usage', ['x'] as never)).error).toBe(
      'Invalid parameters for agentphone_get_usage: expected an object of named parameters'
    )
  })
})

describe('updates with nothing to change', () => {
  it('update_contact without any field is refused before sending', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>()
    const result = await executeTool(
      'agentphone_update_contact',
      { apiKey: API_KEY, contactId: 'ct_1', email: '  ' },
      { fetch }
    )
    expect(result.error).toBe(
      'Invalid parameters for agentphone_update_contact: give at least one of phoneNumber, name, email, notes: there is nothing to update'
    )
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('get_call_transcript', () => {
  const transcriptOf = async (body: unknown) => {
    mockApi('GET', { status: 200, body })
    return executeTool('agentphone_get_call_transcript', { apiKey: API_KEY, callId: 'call_1' })
  }

  it('refuses a body in an unknown shape rather than report an empty transcript', async () => {
    expect(await transcriptOf({ turns: [{ speaker: 'agent', text: 'hello' }] })).toEqual({
      success: false,
      output: {},
      error: 'AgentPhone returned a transcript in an unexpected shape: expected a list of turns',
    })
  })

  it('reads a null transcript as no turns yet', async () => {
    expect(await transcriptOf({ callId: 'call_1', transcript: null })).toEqual({
      success: true,
      output: { callId: 'call_1', transcript: [] },
    })
  })
})

describe('request builders called directly (as Sim does)', () => {
  const tool = agentphoneTools.agentphone_send_message as ToolConfig

  it('validate and normalize the raw params themselves', () => {
    const raw = {
      apiKey: ` ${API_KEY} `,
      agentId: ' agt_1 ',
      toNumber: '+14155551234',
      body: 'Hi',
      mediaUrl: '',
    }
    expect(tool.request.url(raw)).toBe('https://api.agentphone.ai/v1/messages')
    expect(tool.request.headers(raw).Authorization).toBe(`Bearer ${API_KEY}`)
    expect(tool.request.body?.(raw)).toEqual({
      agent_id: 'agt_1',
      to_number: '+14155551234',
      body: 'Hi',
    })
  })

  it('throw a clear error for invalid params', () => {
    expect(() => tool.request.body?.({ apiKey: API_KEY, agentId: 'a', toNumber: '555' })).toThrow(
      'Invalid parameters for agentphone_send_message: toNumber must be a phone number in E.164 format: + then 8 to 15 digits, e.g. +14155551234; body is required'
    )
  })
})

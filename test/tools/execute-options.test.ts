/** executeTool's options and its guard rails: the tool id, base URL, abort signal, fetch. */
import nock from 'nock'
import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_BASE_URL, executeTool } from '../../tools/index.js'
import { API_KEY, apiHeaders, mockApi, setUpNock } from '../support/nock-api.js'
import { apiContact, contactOutput } from './fixtures.js'

setUpNock()

const contactParams = { apiKey: API_KEY, contactId: 'ct_5k2p' }

describe('tool ids', () => {
  it.each(['agentphone_nope', 'send_message', '', '__proto__', 'toString', 'constructor'])(
    'refuses the unknown tool id %j without sending anything',
    async (toolId) => {
      const fetch = vi.fn<typeof globalThis.fetch>()

      const result = await executeTool(toolId, contactParams, { fetch })

      expect(result).toEqual({
        success: false,
        output: {},
        error: `Unknown tool "${toolId}": expected one of agentphone_<operation>`,
      })
      expect(fetch).not.toHaveBeenCalled()
    }
  )

  it('does not throw when given no params at all', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>()

    const result = await executeTool(
      'agentphone_get_usage',
      undefined as unknown as Record<string, unknown>,
      { fetch }
    )

    expect(result).toEqual({
      success: false,
      output: {},
      error: 'Invalid parameters for agentphone_get_usage: apiKey is required',
    })
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('base URL', () => {
  it('defaults to https://api.agentphone.ai', async () => {
    expect(DEFAULT_BASE_URL).toBe('https://api.agentphone.ai')
    const sent = mockApi('GET', { status: 200, body: apiContact }, 'https://api.agentphone.ai')

    const result = await executeTool('agentphone_get_contact', contactParams)

    expect(sent.map((request) => request.path)).toEqual(['/v1/contacts/ct_5k2p'])
    expect(result).toEqual({ success: true, output: contactOutput })
  })

  it('takes AGENTPHONE_BASE_URL from the environment over the default', async () => {
    process.env.AGENTPHONE_BASE_URL = 'http://env.agentphone.test:4010'
    const sent = mockApi(
      'GET',
      { status: 200, body: apiContact },
      'http://env.agentphone.test:4010'
    )

    const result = await executeTool('agentphone_get_contact', contactParams)

    expect(sent.map((request) => request.path)).toEqual(['/v1/contacts/ct_5k2p'])
    expect(result.success).toBe(true)
  })

  it('takes the baseUrl option over AGENTPHONE_BASE_URL', async () => {
    process.env.AGENTPHONE_BASE_URL = 'http://env.agentphone.test:4010'
    const sent = mockApi('GET', { status: 200, body: apiContact }, 'http://option.agentphone.test')

    const result = await executeTool('agentphone_get_contact', contactParams, {
      baseUrl: 'http://option.agentphone.test',
    })

    expect(sent.map((request) => request.path)).toEqual(['/v1/contacts/ct_5k2p'])
    expect(result.success).toBe(true)
  })

  it('ignores a blank baseUrl option and a blank AGENTPHONE_BASE_URL', async () => {
    process.env.AGENTPHONE_BASE_URL = '   '
    const sent = mockApi('GET', { status: 200, body: apiContact }, 'https://api.agentphone.ai')

    const result = await executeTool('agentphone_get_contact', contactParams, { baseUrl: '' })

    expect(sent).toHaveLength(1)
    expect(result.success).toBe(true)
  })

  it('drops trailing slashes and keeps a base path', async () => {
    const sent = mockApi('GET', { status: 200, body: apiContact }, 'http://localhost:4010')

    await executeTool('agentphone_get_contact', contactParams, {
      baseUrl: 'http://localhost:4010/sandbox//',
    })

    expect(sent.map((request) => request.path)).toEqual(['/sandbox/v1/contacts/ct_5k2p'])
  })

  it('drops a trailing slash from AGENTPHONE_BASE_URL too', async () => {
    process.env.AGENTPHONE_BASE_URL = 'https://api.agentphone.to/'
    const sent = mockApi('GET', { status: 200, body: apiContact }, 'https://api.agentphone.to')

    await executeTool('agentphone_get_contact', contactParams)

    expect(sent.map((request) => request.path)).toEqual(['/v1/contacts/ct_5k2p'])
  })

  it.each(['api.agentphone.ai', 'localhost:4010', 'ftp://files.agentphone.test', '/v1'])(
    'refuses the base URL %j without sending anything',
    async (baseUrl) => {
      const fetch = vi.fn<typeof globalThis.fetch>()

      const result = await executeTool('agentphone_get_contact', contactParams, { baseUrl, fetch })

      expect(result).toEqual({
        success: false,
        output: {},
        error: `Invalid AgentPhone base URL "${baseUrl}": expected http(s)://host`,
      })
      expect(fetch).not.toHaveBeenCalled()
    }
  )

  it('refuses an AGENTPHONE_BASE_URL without a scheme', async () => {
    process.env.AGENTPHONE_BASE_URL = 'api.agentphone.ai/'
    const fetch = vi.fn<typeof globalThis.fetch>()

    const result = await executeTool('agentphone_get_contact', contactParams, { fetch })

    expect(result.error).toBe(
      'Invalid AgentPhone base URL "api.agentphone.ai": expected http(s)://host'
    )
    expect(fetch).not.toHaveBeenCalled()
  })

  it('names the base URL it could not reach', async () => {
    const sent = mockApi('GET', { networkError: 'getaddrinfo ENOTFOUND' }, 'http://down.test')

    const result = await executeTool('agentphone_get_contact', contactParams, {
      baseUrl: 'http://down.test',
      retries: 0,
    })

    expect(result).toEqual({
      success: false,
      output: {},
      error: 'Could not reach AgentPhone at http://down.test: getaddrinfo ENOTFOUND',
    })
    expect(sent).toHaveLength(1)
  })
})

describe('abort signal', () => {
  it('cancels a request in flight and says so', async () => {
    mockApi('GET', { status: 200, body: apiContact, delayMs: 5_000 })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)

    const result = await executeTool('agentphone_get_contact', contactParams, {
      signal: controller.signal,
    })

    expect(result).toEqual({
      success: false,
      output: {},
      error: 'The AgentPhone request was cancelled',
    })
  })

  it('does not retry after an abort', async () => {
    const sent = mockApi('GET', { status: 200, body: apiContact, delayMs: 5_000 })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)

    await executeTool('agentphone_get_contact', contactParams, {
      signal: controller.signal,
      retries: 2,
    })

    expect(sent).toHaveLength(1)
  })

  it('cancels while waiting to retry', async () => {
    const sent = mockApi('GET', {
      status: 429,
      body: { detail: 'Slow down' },
      headers: { 'Retry-After': '10' },
    })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)

    const result = await executeTool('agentphone_get_contact', contactParams, {
      signal: controller.signal,
    })

    expect(result).toEqual({
      success: false,
      output: {},
      error: 'The AgentPhone request was cancelled',
    })
    expect(sent).toHaveLength(1)
  })

  it('sends nothing through the network when already aborted', async () => {
    const sent = mockApi('GET', { status: 200, body: apiContact })

    const result = await executeTool('agentphone_get_contact', contactParams, {
      signal: AbortSignal.abort(),
    })

    expect(result).toEqual({
      success: false,
      output: {},
      error: 'The AgentPhone request was cancelled',
    })
    expect(sent).toEqual([])
    nock.cleanAll()
  })

  it('does not even call a given fetch (e.g. the in-process sandbox) when already aborted', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>()

    const result = await executeTool('agentphone_get_contact', contactParams, {
      signal: AbortSignal.abort(),
      fetch,
    })

    expect(result).toEqual({
      success: false,
      output: {},
      error: 'The AgentPhone request was cancelled',
    })
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('fetch option', () => {
  it('sends the request through the given fetch', async () => {
    const seen: unknown[] = []
    const fetch = vi.fn<typeof globalThis.fetch>(async (input) => {
      const request = input as Request
      seen.push({
        method: request.method,
        url: request.url,
        headers: Object.fromEntries(request.headers),
        body: await request.json(),
      })
      return Response.json(apiContact, { status: 200 })
    })

    const result = await executeTool(
      'agentphone_update_contact',
      { ...contactParams, notes: 'VIP' },
      { fetch }
    )

    expect(result).toEqual({ success: true, output: contactOutput })
    expect(seen).toEqual([
      {
        method: 'PATCH',
        url: 'https://api.agentphone.ai/v1/contacts/ct_5k2p',
        headers: apiHeaders(true),
        body: { notes: 'VIP' },
      },
    ])
  })
})

/**
 * Every validation rule: a bad value is refused with a message naming the field, and nothing is
 * sent (the `fetch` given to executeTool is never called, and the network is off besides). Values
 * that are accepted are shown arriving at the API in their canonical form.
 */
import { describe, expect, it, vi } from 'vitest'
import { agentphoneTools, executeTool } from '../../tools/index.js'
import { API_KEY, mockApi, setUpNock } from '../support/nock-api.js'

setUpNock()

const OMIT = Symbol('omit')
type Overrides = Record<string, unknown>

/** Valid params for every tool (besides apiKey): each test changes one thing. */
const VALID: Record<string, Record<string, unknown>> = {
  agentphone_create_number: {},
  agentphone_list_numbers: {},
  agentphone_release_number: { numberId: 'num_1' },
  agentphone_get_number_messages: { numberId: 'num_1' },
  agentphone_create_call: { agentId: 'agt_1', toNumber: '+14155551234' },
  agentphone_list_calls: {},
  agentphone_get_call: { callId: 'call_1' },
  agentphone_get_call_transcript: { callId: 'call_1' },
  agentphone_list_conversations: {},
  agentphone_get_conversation: { conversationId: 'conv_1' },
  agentphone_update_conversation: { conversationId: 'conv_1', metadata: { stage: 'new' } },
  agentphone_get_conversation_messages: { conversationId: 'conv_1' },
  agentphone_send_message: { agentId: 'agt_1', toNumber: '+14155551234', body: 'Hi' },
  agentphone_react_to_message: { messageId: 'msg_1', reaction: 'love' },
  agentphone_create_contact: { phoneNumber: '+14155551234', name: 'Jane' },
  agentphone_list_contacts: {},
  agentphone_get_contact: { contactId: 'ct_1' },
  agentphone_update_contact: { contactId: 'ct_1', name: 'Jane' },
  agentphone_delete_contact: { contactId: 'ct_1' },
  agentphone_get_usage: {},
  agentphone_get_usage_daily: {},
  agentphone_get_usage_monthly: {},
}

function paramsFor(tool: string, overrides: Overrides): Record<string, unknown> {
  const params: Record<string, unknown> = { apiKey: API_KEY, ...VALID[tool], ...overrides }
  for (const [key, value] of Object.entries(params)) if (value === OMIT) delete params[key]
  return params
}

/** Runs the tool with a fetch that must not be called; returns the error. */
async function refusal(tool: string, overrides: Overrides): Promise<string | undefined> {
  const fetch = vi.fn<typeof globalThis.fetch>()
  const result = await executeTool(tool, paramsFor(tool, overrides), { fetch })
  expect(fetch).not.toHaveBeenCalled()
  expect(result.success).toBe(false)
  expect(result.output).toEqual({})
  return result.error
}

async function expectRefused(tool: string, overrides: Overrides, message: string) {
  expect(await refusal(tool, overrides)).toBe(`Invalid parameters for ${tool}: ${message}`)
}

const METHOD: Record<string, string> = Object.fromEntries(
  Object.values(agentphoneTools).map((tool) => [tool.id, tool.request.method])
)

/** Runs the tool against the fake API; returns what it sent (path with query, and body). */
async function accepted(tool: string, overrides: Overrides) {
  const sent = mockApi(METHOD[tool] ?? 'GET', { status: 200, body: {} })
  const result = await executeTool(tool, paramsFor(tool, overrides))
  expect(sent).toHaveLength(1)
  return { path: sent[0]?.path, body: sent[0]?.body, result }
}

const E164 = 'must be a phone number in E.164 format: + then 8 to 15 digits, e.g. +14155551234'

it('VALID covers all 22 tools', () => {
  expect(Object.keys(VALID).sort()).toEqual(Object.keys(agentphoneTools).sort())
})

describe('apiKey', () => {
  const toolIds = Object.keys(agentphoneTools)

  it.each(toolIds)('%s refuses a call without apiKey', async (tool) => {
    await expectRefused(tool, { apiKey: OMIT }, 'apiKey is required')
  })

  it.each([
    ['', 'apiKey must not be empty'],
    ['   ', 'apiKey must not be empty'],
    [null, 'apiKey is required'],
    [12345678, 'apiKey must be a string'],
    ['sk_live_4f9d\n2c7a1e8b', 'apiKey must be printable ASCII, without spaces or line breaks'],
    ['sk_live 4f9d2c7a1e8b', 'apiKey must be printable ASCII, without spaces or line breaks'],
    ['sk_live_4f9d2c7a1e8b€', 'apiKey must be printable ASCII, without spaces or line breaks'],
  ])('refuses apiKey %j', async (apiKey, message) => {
    await expectRefused('agentphone_get_usage', { apiKey }, message)
  })

  it('trims the key before sending it', async () => {
    const sent = mockApi('GET', { status: 200, body: {} })
    await executeTool('agentphone_get_usage', { apiKey: `\t${API_KEY} \n` })
    expect(sent.map((request) => request.headers.authorization)).toEqual([`Bearer ${API_KEY}`])
  })
})

describe('required parameters', () => {
  const required = Object.values(agentphoneTools).flatMap((tool) =>
    Object.entries(tool.params)
      .filter(([name, param]) => param.required && name !== 'apiKey')
      .map(([name]) => [tool.id, name] as const)
  )

  it('are the ones the seed marks required (19 besides apiKey)', () => {
    expect(required).toHaveLength(19)
  })

  it.each(required)('%s refuses a missing %s', async (tool, name) => {
    await expectRefused(tool, { [name]: OMIT }, `${name} is required`)
  })

  it.each(required)('%s refuses a null %s', async (tool, name) => {
    await expectRefused(tool, { [name]: null }, `${name} is required`)
  })

  const blankMessage = (name: string) =>
    name === 'reaction'
      ? 'reaction must be one of love, like, dislike, laugh, emphasize, question'
      : `${name} must not be empty`

  it.each(required)('%s refuses an empty %s', async (tool, name) => {
    await expectRefused(tool, { [name]: '' }, blankMessage(name))
  })

  it.each(required)('%s refuses a blank %s', async (tool, name) => {
    await expectRefused(tool, { [name]: ' \t\n ' }, blankMessage(name))
  })

  it('lists every problem at once', async () => {
    await expectRefused(
      'agentphone_send_message',
      { agentId: OMIT, toNumber: '', body: '  ' },
      'agentId is required; toNumber must not be empty; body must not be empty'
    )
  })

  it.each([
    ['agentphone_create_call', 'agentId', 42],
    ['agentphone_send_message', 'body', { text: 'Hi' }],
    ['agentphone_get_contact', 'contactId', ['ct_1']],
  ])('%s refuses a %s that is not a string', async (tool, name, value) => {
    await expectRefused(tool, { [name]: value }, `${name} must be a string`)
  })
})

describe('IDs', () => {
  const idParams = Object.values(agentphoneTools).flatMap((tool) =>
    Object.keys(tool.params)
      .filter((name) => name.endsWith('Id'))
      .map((name) => [tool.id, name] as const)
  )

  it.each(idParams.flatMap(([tool, name]) => ['.', '..', ' .. '].map((id) => [tool, name, id])))(
    '%s refuses %s %j',
    async (tool, name, id) => {
      await expectRefused(
        tool as string,
        { [name as string]: id },
        `${name} must be an ID, not "." or ".."`
      )
    }
  )

  it('accepts IDs made of dots and more, and trims the ID', async () => {
    expect((await accepted('agentphone_get_contact', { contactId: ' ...x ' })).path).toBe(
      '/v1/contacts/...x'
    )
  })
})

describe('phone numbers (E.164)', () => {
  const phoneParams = [
    ['agentphone_send_message', 'toNumber'],
    ['agentphone_create_call', 'toNumber'],
    ['agentphone_create_contact', 'phoneNumber'],
    ['agentphone_update_contact', 'phoneNumber'],
  ] as const
  const bad = [
    '4155551234',
    '14155551234',
    '+1',
    '+1234567',
    '+1415555123456789',
    '+1 415 555 1234',
    '+1-415-555-1234',
    '+1 (415) 5551234',
    '+04155551234',
    '++14155551234',
    '+1415555123a',
    'phone',
  ]

  it.each(phoneParams.flatMap(([tool, name]) => bad.map((value) => [tool, name, value])))(
    '%s refuses %s %j',
    async (tool, name, value) => {
      await expectRefused(tool, { [name]: value }, `${name} ${E164}`)
    }
  )

  it('refuses a phone number given as a number', async () => {
    await expectRefused(
      'agentphone_send_message',
      { toNumber: 14155551234 },
      'toNumber must be a phone number in E.164 format, e.g. +14155551234'
    )
  })

  it.each([
    ['+14155551234', '+14155551234'],
    ['+12345678', '+12345678'],
    ['+123456789012345', '+123456789012345'],
    ['+442071838750', '+442071838750'],
    [' +14155551234 ', '+14155551234'],
  ])('accepts %j and sends %j', async (given, sent) => {
    const message = await accepted('agentphone_send_message', { toNumber: given })
    expect(message.body).toEqual({ agent_id: 'agt_1', to_number: sent, body: 'Hi' })
    const contact = await accepted('agentphone_update_contact', { phoneNumber: given })
    expect(contact.body).toEqual({ name: 'Jane', phoneNumber: sent })
  })
})

describe('enums', () => {
  const reactions = 'love, like, dislike, laugh, emphasize, question'

  it.each(['heart', 'Love!', 'thumbs up', 'loved'])('refuses reaction %j', async (reaction) => {
    await expectRefused(
      'agentphone_react_to_message',
      { reaction },
      `reaction must be one of ${reactions}`
    )
  })

  it.each(['love', 'like', 'dislike', 'laugh', 'emphasize', 'question'])(
    'accepts reaction %s in any case',
    async (reaction) => {
      const { body } = await accepted('agentphone_react_to_message', {
        reaction: reaction.toUpperCase(),
      })
      expect(body).toEqual({ reaction })
    }
  )

  it.each(['GB', 'USA', 'United States', 'MX'])('refuses country %j', async (country) => {
    await expectRefused('agentphone_create_number', { country }, 'country must be one of US, CA')
  })

  it.each([
    ['us', 'US'],
    ['Ca', 'CA'],
    [' US ', 'US'],
  ])('accepts country %j as %j', async (country, canonical) => {
    expect((await accepted('agentphone_create_number', { country })).body).toEqual({
      country: canonical,
    })
  })

  it.each([
    ['status', 'done', 'completed, in-progress, failed'],
    ['status', 'in progress', 'completed, in-progress, failed'],
    ['direction', 'incoming', 'inbound, outbound'],
    ['type', 'sip', 'pstn, web'],
  ])('list_calls refuses %s %j', async (name, value, allowed) => {
    await expectRefused(
      'agentphone_list_calls',
      { [name]: value },
      `${name} must be one of ${allowed}`
    )
  })

  it('list_calls sends filters given in any case in their canonical spelling', async () => {
    const { path } = await accepted('agentphone_list_calls', {
      status: 'FAILED',
      direction: 'Inbound',
      type: 'WEB',
    })
    expect(path).toBe('/v1/calls?status=failed&direction=inbound&type=web')
  })

  it('refuses an enum given as a number', async () => {
    await expectRefused(
      'agentphone_list_calls',
      { direction: 1 },
      'direction must be one of inbound, outbound'
    )
  })
})

describe('integer ranges (from the seed)', () => {
  const ranges = [
    ['agentphone_list_numbers', 'limit', 1, 100],
    ['agentphone_list_numbers', 'offset', 0, undefined],
    ['agentphone_list_calls', 'limit', 1, 100],
    ['agentphone_list_calls', 'offset', 0, undefined],
    ['agentphone_list_conversations', 'limit', 1, 100],
    ['agentphone_list_conversations', 'offset', 0, undefined],
    ['agentphone_list_contacts', 'limit', 1, undefined],
    ['agentphone_list_contacts', 'offset', 0, undefined],
    ['agentphone_get_number_messages', 'limit', 1, 200],
    ['agentphone_get_conversation_messages', 'limit', 1, 200],
    ['agentphone_get_conversation', 'messageLimit', 1, 100],
    ['agentphone_get_usage_daily', 'days', 1, 365],
    ['agentphone_get_usage_monthly', 'months', 1, 24],
  ] as const
  const rangeText = (min: number, max?: number) =>
    max === undefined ? `at least ${min}` : `between ${min} and ${max}`
  const queryName = (name: string) => (name === 'messageLimit' ? 'message_limit' : name)

  it('cover every number param of every tool', () => {
    const numberParams = Object.values(agentphoneTools).flatMap((tool) =>
      Object.entries(tool.params)
        .filter(([, param]) => param.type === 'number')
        .map(([name]) => `${tool.id}.${name}`)
    )
    // Get Call's timeoutSeconds (1-300) goes out as `timeout`, and only with `wait`: its own
    // tests are in get-call-wait.test.ts.
    const elsewhere = ['agentphone_get_call.timeoutSeconds']
    expect([...ranges.map(([tool, name]) => `${tool}.${name}`), ...elsewhere].sort()).toEqual(
      numberParams.sort()
    )
  })

  describe.each(ranges)('%s %s', (tool, name, min, max) => {
    it(`refuses ${min - 1} (below the minimum)`, async () => {
      await expectRefused(tool, { [name]: min - 1 }, `${name} must be ${rangeText(min, max)}`)
    })

    if (max !== undefined) {
      it(`refuses ${max + 1} (above the maximum)`, async () => {
        await expectRefused(tool, { [name]: max + 1 }, `${name} must be ${rangeText(min, max)}`)
      })

      it(`accepts ${max} (the maximum)`, async () => {
        expect((await accepted(tool, { [name]: max })).path).toMatch(
          new RegExp(`[?&]${queryName(name)}=${max}$`)
        )
      })
    }

    it(`accepts ${min} (the minimum)`, async () => {
      expect((await accepted(tool, { [name]: min })).path).toMatch(
        new RegExp(`[?&]${queryName(name)}=${min}$`)
      )
    })

    it.each([1.5, '1.5', 2.25])('refuses %j (not whole)', async (value) => {
      await expectRefused(tool, { [name]: value }, `${name} must be a whole number`)
    })

    it.each(['abc', '10 items', '0x10', true, [5], { n: 5 }])('refuses %j', async (value) => {
      await expectRefused(tool, { [name]: value }, `${name} must be a number`)
    })

    it('refuses NaN and Infinity', async () => {
      expect(await refusal(tool, { [name]: Number.NaN })).toBe(
        `Invalid parameters for ${tool}: ${name} must be a number`
      )
      expect(await refusal(tool, { [name]: Number.POSITIVE_INFINITY })).toMatch(
        new RegExp(`^Invalid parameters for ${tool}: ${name} must be `)
      )
    })

    it("accepts the numeric string '20' (or the maximum, if lower) as a number", async () => {
      const value = Math.min(20, max ?? 20)
      expect((await accepted(tool, { [name]: ` ${value} ` })).path).toMatch(
        new RegExp(`[?&]${queryName(name)}=${value}$`)
      )
    })

    it('treats an empty string as not given', async () => {
      expect((await accepted(tool, { [name]: '' })).path).not.toContain('?')
    })
  })

  it('list_contacts has no upper limit on limit', async () => {
    expect((await accepted('agentphone_list_contacts', { limit: 1000 })).path).toBe(
      '/v1/contacts?limit=1000'
    )
  })
})

describe('timestamps (before/after, ISO 8601)', () => {
  const timestampParams = [
    ['agentphone_get_number_messages', 'before'],
    ['agentphone_get_number_messages', 'after'],
    ['agentphone_get_conversation_messages', 'before'],
    ['agentphone_get_conversation_messages', 'after'],
  ] as const
  const bad = [
    'yesterday',
    '2026-13-01',
    '2026-01-32',
    '2026-02-30',
    '2025-02-29T10:00:00Z',
    '2026-04-31',
    '2026-01-31T25:00:00Z',
    '31/01/2026',
    '01/31/2026',
    '1706700000',
    'Sat, 31 Jan 2026 09:00:00 GMT',
    '2026-01-31T09:00:00 PST',
  ]

  it.each(timestampParams.flatMap(([tool, name]) => bad.map((value) => [tool, name, value])))(
    '%s refuses %s %j',
    async (tool, name, value) => {
      await expectRefused(
        tool,
        { [name]: value },
        `${name} must be an ISO 8601 timestamp, e.g. 2026-01-31T09:00:00Z`
      )
    }
  )

  it.each([
    ['2026-01-31', '2026-01-31'],
    ['2028-02-29', '2028-02-29'],
    ['2026-01-31T09:00:00Z', '2026-01-31T09%3A00%3A00Z'],
    ['2026-01-31T09:00Z', '2026-01-31T09%3A00Z'],
    ['2026-01-31T09:00:00.123456Z', '2026-01-31T09%3A00%3A00.123456Z'],
    ['2026-01-31T09:00:00-08:00', '2026-01-31T09%3A00%3A00-08%3A00'],
    [' 2026-01-31T09:00:00+0100 ', '2026-01-31T09%3A00%3A00%2B0100'],
  ])('accepts %j', async (value, encoded) => {
    expect((await accepted('agentphone_get_number_messages', { after: value })).path).toBe(
      `/v1/numbers/num_1/messages?after=${encoded}`
    )
  })
})

describe('mediaUrl (http or https only)', () => {
  it.each([
    'ftp://example.com/a.png',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:image/png;base64,iVBORw0KGgo=',
    'example.com/a.png',
    '//example.com/a.png',
    'not a url',
    'https://',
  ])('refuses %j', async (mediaUrl) => {
    await expectRefused(
      'agentphone_send_message',
      { mediaUrl },
      'mediaUrl must be an http(s) URL, e.g. https://example.com/a.png'
    )
  })

  it.each([
    'https://example.com/a.png',
    'http://example.com/a.png?size=large&v=2',
    'HTTPS://CDN.EXAMPLE.COM/Photo.JPG',
  ])('accepts %j and sends it as given in media_urls', async (mediaUrl) => {
    expect((await accepted('agentphone_send_message', { mediaUrl })).body).toEqual({
      agent_id: 'agt_1',
      to_number: '+14155551234',
      body: 'Hi',
      media_urls: [mediaUrl],
    })
  })
})

describe('metadata (a JSON object or null)', () => {
  const message = 'metadata must be a JSON object or null'

  it.each([[[1, 2]], [5], [true], ['nope'], ['[1,2]'], ['42'], ['"text"'], ['{not json}']])(
    'refuses %j',
    async (metadata) => {
      await expectRefused('agentphone_update_conversation', { metadata }, message)
    }
  )

  it.each([
    [{ a: 1 }, { metadata: { a: 1 } }],
    [{}, { metadata: {} }],
    [null, { metadata: null }],
    ['{"stage":"new","n":[1]}', { metadata: { stage: 'new', n: [1] } }],
    [' null ', { metadata: null }],
  ])('accepts %j, sending %j', async (metadata, body) => {
    expect((await accepted('agentphone_update_conversation', { metadata })).body).toEqual(body)
  })

  it.each([[''], ['   '], [undefined]])(
    'refuses %j: without metadata there is nothing to update',
    async (metadata) => {
      await expectRefused(
        'agentphone_update_conversation',
        { metadata },
        'give at least one of metadata: there is nothing to update'
      )
    }
  )
})

describe('areaCode (3 digits)', () => {
  it.each(['41', '4155', 'abc', '41a', '+415', '415-'])('refuses %j', async (areaCode) => {
    await expectRefused(
      'agentphone_create_number',
      { areaCode },
      'areaCode must be a 3-digit area code, e.g. 415'
    )
  })

  it.each([
    ['415', '415'],
    [' 212 ', '212'],
  ])('accepts %j as %j', async (areaCode, sent) => {
    expect((await accepted('agentphone_create_number', { areaCode })).body).toEqual({
      areaCode: sent,
    })
  })
})

describe('optional free text', () => {
  it('is sent as typed, not trimmed', async () => {
    expect(
      (await accepted('agentphone_create_call', { initialGreeting: '  Hello!  ' })).body
    ).toEqual({ agentId: 'agt_1', toNumber: '+14155551234', initialGreeting: '  Hello!  ' })
  })

  it('refuses a value that is not a string, naming the field', async () => {
    await expectRefused('agentphone_create_call', { voice: 7 }, 'voice must be a string')
  })
})

describe('parameters a tool does not declare', () => {
  it('are refused, naming each, so a misspelt one is not silently lost', async () => {
    await expectRefused(
      'agentphone_send_message',
      { mediaURL: 'https://example.com/a.png', number_id: 'num_2', credential: 'x' },
      'mediaURL is not a parameter of agentphone_send_message (did you mean mediaUrl?); ' +
        'number_id is not a parameter of agentphone_send_message (did you mean numberId?); ' +
        'credential is not a parameter of agentphone_send_message'
    )
  })

  it('are ignored when undefined', async () => {
    const { body } = await accepted('agentphone_create_contact', {
      email: undefined,
      extra: undefined,
    })
    expect(body).toEqual({ phoneNumber: '+14155551234', name: 'Jane' })
  })
})

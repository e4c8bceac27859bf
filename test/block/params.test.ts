/**
 * Turning the editor's string values into tool params: numbers, blanks, metadata JSON, and the
 * errors for values that cannot be converted — which `runBlock` reports without sending anything.
 */
import { describe, expect, it, vi } from 'vitest'
import { paramsOf, runBlock } from '../../blocks/index.js'
import { API_KEY, setUpNock } from '../support/nock-api.js'
import { ALL_FIELDS, BASE_URL } from './fields.js'

setUpNock()

/** The block's own `tools.config.params`, as Sim calls it. */
const params = paramsOf
const listCalls = (fields: Record<string, unknown>) =>
  params({ operation: 'list_calls', apiKey: API_KEY, ...fields })
const updateConversation = (metadata: unknown) =>
  params({ operation: 'update_conversation', apiKey: API_KEY, conversationId: 'conv_7', metadata })

describe('numbers', () => {
  it.each([
    ['25', 25],
    [' 7 ', 7],
    ['0', 0],
    ['2.5', 2.5],
    ['-3', -3],
    [12, 12],
  ])('reads %j as %j', (typed, number) => {
    expect(listCalls({ limit: typed }).limit).toBe(number)
  })

  it('converts every numeric field of every operation', () => {
    expect(params({ ...ALL_FIELDS, operation: 'list_numbers' })).toMatchObject({
      limit: 25,
      offset: 50,
    })
    expect(params({ ...ALL_FIELDS, operation: 'get_conversation' }).messageLimit).toBe(15)
    expect(params({ ...ALL_FIELDS, operation: 'get_number_messages' }).limit).toBe(30)
    expect(params({ ...ALL_FIELDS, operation: 'get_conversation_messages' }).limit).toBe(30)
    expect(params({ ...ALL_FIELDS, operation: 'get_usage_daily' }).days).toBe(14)
    expect(params({ ...ALL_FIELDS, operation: 'get_usage_monthly' }).months).toBe(3)
  })

  it.each([
    ['limit', 'abc', 'list_calls', 'Limit must be a number, got "abc"'],
    ['offset', '10 rows', 'list_numbers', 'Offset must be a number, got "10 rows"'],
    ['messageLimit', 'all', 'get_conversation', 'Recent Messages must be a number, got "all"'],
    ['messagesLimit', '1,000', 'get_number_messages', 'Limit must be a number, got "1,000"'],
    ['usageDays', 'a week', 'get_usage_daily', 'Days must be a number, got "a week"'],
    ['usageMonths', '0x10', 'get_usage_monthly', 'Months must be a number, got "0x10"'],
  ])('refuses %s = %j, naming the field', (field, typed, operation, message) => {
    expect(() => params({ operation, apiKey: API_KEY, [field]: typed })).toThrow(message)
  })

  it('refuses a non-finite number and a non-numeric reference value', () => {
    expect(() => listCalls({ limit: Number.NaN })).toThrow('Limit must be a number')
    expect(() => listCalls({ limit: true })).toThrow('Limit must be a number, got "true"')
  })

  it('describes a long bad value instead of quoting part of it', () => {
    expect(() => listCalls({ limit: 'x'.repeat(100) })).toThrow(
      'Limit must be a number, got a 100-character value'
    )
  })
})

describe('blank values', () => {
  it('leaves out empty, blank, null and absent fields', () => {
    expect(
      listCalls({
        limit: '',
        offset: '   ',
        callsStatus: '',
        callsDirection: null,
        callsSearch: undefined,
      })
    ).toEqual({ apiKey: API_KEY })
  })

  it('leaves out an empty API key, so the tool reports it missing', () => {
    expect(params({ operation: 'get_usage', apiKey: '' })).toEqual({})
  })

  it('passes text as typed, spaces included', () => {
    const sent = params({ ...ALL_FIELDS, operation: 'send_message', messageBody: '  Hi there  ' })
    expect(sent.body).toBe('  Hi there  ')
  })

  it('turns a number from a reference into text for a text param', () => {
    const sent = params({ operation: 'create_number', apiKey: API_KEY, areaCode: 415 })
    expect(sent).toEqual({ apiKey: API_KEY, areaCode: '415' })
  })
})

describe('metadata', () => {
  it('parses a JSON object', () => {
    expect(updateConversation('{"stage": "won", "tags": ["vip"], "n": 2}').metadata).toEqual({
      stage: 'won',
      tags: ['vip'],
      n: 2,
    })
  })

  it('passes an object from a reference as it is', () => {
    expect(updateConversation({ stage: 'won' }).metadata).toEqual({ stage: 'won' })
  })

  it.each(['', '   ', null, undefined, 'null'])('clears the metadata (null) for %j', (typed) => {
    const sent = updateConversation(typed)
    expect(sent).toHaveProperty('metadata', null)
  })

  it.each([
    ['{stage: won}', /^Metadata must be valid JSON: \S/],
    ['{"stage": "won"', /^Metadata must be valid JSON: \S/],
    ['{"stage": won}', /^Metadata must be valid JSON: Unexpected token 'w'$/],
  ])('refuses invalid JSON %s with the parser’s reason', (typed, message) => {
    expect(() => updateConversation(typed)).toThrow(message)
  })

  it.each(['[1, 2]', '"won"', '42', 'true'])('refuses JSON that is not an object: %s', (typed) => {
    expect(() => updateConversation(typed)).toThrow(
      'Metadata must be a JSON object, e.g. {"orderId": "ORD-123"}'
    )
  })

  it('is read only for update_conversation', () => {
    expect(params({ ...ALL_FIELDS, operation: 'get_conversation' })).not.toHaveProperty('metadata')
    expect(() =>
      params({ ...ALL_FIELDS, operation: 'get_conversation', metadata: '{broken' })
    ).not.toThrow()
  })
})

describe('only the selected operation’s fields are read', () => {
  it('ignores a bad value in a field the operation does not show', () => {
    expect(paramsOf({ ...ALL_FIELDS, operation: 'get_usage', usageDays: 'oops' })).toEqual({
      apiKey: API_KEY,
    })
  })
})

describe('runBlock refuses what it cannot convert, and sends nothing', () => {
  const refused = async (values: Record<string, unknown>) => {
    const fetch = vi.fn<typeof globalThis.fetch>()
    const result = await runBlock(values, { baseUrl: BASE_URL, fetch })
    expect(fetch).not.toHaveBeenCalled()
    return result
  }

  it('for a number field holding text', async () => {
    expect(await refused({ ...ALL_FIELDS, operation: 'list_calls', limit: 'abc' })).toEqual({
      success: false,
      output: {},
      error: 'Limit must be a number, got "abc"',
    })
  })

  it('for metadata that is not JSON', async () => {
    const result = await refused({
      ...ALL_FIELDS,
      operation: 'update_conversation',
      metadata: '{"stage": }',
    })
    expect(result.success).toBe(false)
    expect(result.error).toMatch(/^Metadata must be valid JSON: /)
  })

  it('for shown required fields left empty, naming them', async () => {
    const result = await refused({
      operation: 'send_message',
      apiKey: '',
      sendAgentId: 'agt_sender',
      toNumberMessage: '  ',
      // A required field of another operation is not asked for.
      contactName: '',
    })
    expect(result).toEqual({
      success: false,
      output: {},
      error: 'Missing required fields for Send Message: API Key, To Phone Number, Message',
    })
  })

  it('for one required field left empty', async () => {
    const result = await refused({ operation: 'get_call', apiKey: API_KEY })
    expect(result.error).toBe('Missing required field for Get Call: Call ID')
  })

  it('for a missing operation', async () => {
    const result = await refused({ apiKey: API_KEY })
    expect(result.error).toMatch(/^Choose an AgentPhone operation \(got none\)/)
  })

  it('for a value the tool refuses, such as a limit out of range', async () => {
    const result = await refused({ ...ALL_FIELDS, operation: 'list_numbers', limit: '2.5' })
    expect(result.error).toBe(
      'Invalid parameters for agentphone_list_numbers: limit must be a whole number'
    )
  })

  it('without the API key in the message, even when it was typed into another field', async () => {
    const result = await refused({ ...ALL_FIELDS, operation: 'list_calls', limit: API_KEY })
    expect(result.error).toBe('Limit must be a number, got "[REDACTED]"')
    expect(JSON.stringify(result)).not.toContain(API_KEY)
  })

  it('without any part of a long API key, in a number field or in metadata', async () => {
    const apiKey = `sk_live_${'9f3a61c0'.repeat(7)}`
    const chunks = Array.from({ length: apiKey.length - 9 }, (_, i) => apiKey.slice(i, i + 10))
    for (const values of [
      { operation: 'list_calls', limit: apiKey },
      { operation: 'update_conversation', conversationId: 'conv_7', metadata: `{"k": ${apiKey}}` },
    ]) {
      const result = await refused({ ...values, apiKey })
      expect(result.success).toBe(false)
      for (const chunk of chunks) expect(result.error).not.toContain(chunk)
    }
  })
})

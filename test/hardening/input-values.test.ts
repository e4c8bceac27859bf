/**
 * Issue 9, items 2 and 3: metadata must be plain JSON (no Date, Map, boxed number, NaN,
 * undefined, Buffer, cycle, BigInt; bounded depth and size), and a lone UTF-16 surrogate is
 * refused in every text param, naming the field. Nothing refused is sent.
 */
import { describe, expect, it } from 'vitest'
import { executeTool } from '../../tools/index.js'
import { recordingFetch } from '../support/leaks.js'

const KEY = 'sk_live_input_values_1'
const conversation = { id: 'conv_1', messages: [] }

async function updateMetadata(metadata: unknown) {
  const { fetch, sent } = recordingFetch(() => Response.json(conversation))
  const result = await executeTool(
    'agentphone_update_conversation',
    { apiKey: KEY, conversationId: 'conv_1', metadata },
    { fetch }
  )
  return { result, sent }
}

const refusal = (message: string) => ({
  success: false,
  output: {},
  error: `Invalid parameters for agentphone_update_conversation: ${message}`,
})

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = {}
  for (let i = 0; i < depth; i++) value = { a: value }
  return value
}

const cyclic: Record<string, unknown> = { name: 'loop' }
cyclic.self = cyclic

describe('metadata', () => {
  it.each([
    ['a Date', new Date(0), 'metadata must be a plain JSON object, not a Date'],
    ['a Map', new Map([['a', 1]]), 'metadata must be a plain JSON object, not a Map'],
    ['a boxed number', new Number(5), 'metadata must be a plain JSON object, not a Number'],
    ['a Buffer', Buffer.from('hi'), 'metadata must be a plain JSON object, not a Buffer'],
    ['NaN in a field', { a: Number.NaN }, 'metadata.a must be a finite number, not NaN'],
    [
      'undefined in a field',
      { a: 1, b: undefined },
      'metadata.b must be a JSON value, not undefined',
    ],
    [
      'Infinity in a list',
      { a: [1, Infinity] },
      'metadata.a.1 must be a finite number, not Infinity',
    ],
    [
      'a Date in a field',
      { when: new Date(0) },
      'metadata.when must be a plain JSON object, not a Date',
    ],
    ['a BigInt', { n: 10n }, 'metadata.n must be a JSON value, not a bigint'],
    ['a function', { f: () => 1 }, 'metadata.f must be a JSON value, not a function'],
    ['a cycle', cyclic, 'metadata.self is circular: it contains itself'],
    [
      'nesting 10,000 deep',
      nested(10_000),
      `metadata.${Array(32).fill('a').join('.')} is nested too deeply: at most 32 levels of objects and lists`,
    ],
    [
      'more than 64 KiB of JSON',
      { text: 'x'.repeat(70_000) },
      'metadata is too large: 70011 characters as JSON, at most 65536',
    ],
    [
      'a lone surrogate in a value',
      { a: 'x\uD800' },
      'metadata.a must not contain a lone UTF-16 surrogate (half of an emoji or other character cut in two)',
    ],
  ])(
    '%s is refused, naming the field and the reason, nothing sent',
    async (_, metadata, message) => {
      const { result, sent } = await updateMetadata(metadata)
      expect(result).toEqual(refusal(message))
      expect(sent).toEqual([])
    }
  )

  it('plain JSON, nested to the limit, is sent exactly as given', async () => {
    const metadata = {
      stage: 'booked',
      n: 1.5,
      ok: true,
      none: null,
      list: [1, 'two', { three: 3 }],
      deep: nested(30),
      emoji: '😀',
    }
    const { result, sent } = await updateMetadata(metadata)
    expect(result.success).toBe(true)
    expect(await sent[0]?.json()).toEqual({ metadata })
  })

  it('an object without a prototype is plain JSON too', async () => {
    const metadata = Object.assign(Object.create(null), { a: 1 })
    const { result, sent } = await updateMetadata(metadata)
    expect(result.success).toBe(true)
    expect(await sent[0]?.json()).toEqual({ metadata: { a: 1 } })
  })
})

describe('lone UTF-16 surrogates', () => {
  const SURROGATE_MESSAGE =
    'must not contain a lone UTF-16 surrogate (half of an emoji or other character cut in two)'

  it.each([
    ['a query value', 'agentphone_list_contacts', { search: 'ab\uDC00' }, 'search'],
    ['a path ID', 'agentphone_get_contact', { contactId: 'ct_\uD83D' }, 'contactId'],
    [
      'a body text',
      'agentphone_send_message',
      { agentId: 'agt_1', toNumber: '+14155551234', body: 'half \uD83D' },
      'body',
    ],
  ])('in %s is refused, naming the field, nothing sent', async (_, toolId, params, field) => {
    const { fetch, sent } = recordingFetch(() => Response.json({}))
    const result = await executeTool(toolId, { apiKey: KEY, ...params }, { fetch })
    expect(result).toEqual({
      success: false,
      output: {},
      error: `Invalid parameters for ${toolId}: ${field} ${SURROGATE_MESSAGE}`,
    })
    expect(sent).toEqual([])
  })

  it('a whole emoji (a surrogate pair) is sent as typed', async () => {
    const { fetch, sent } = recordingFetch(() =>
      Response.json({ data: [], hasMore: false, total: 0 })
    )
    const result = await executeTool(
      'agentphone_list_contacts',
      { apiKey: KEY, search: 'a😀' },
      { fetch }
    )
    expect(result.success).toBe(true)
    expect(new URL(sent[0]?.url ?? '').searchParams.get('search')).toBe('a😀')
  })
})

/**
 * Issue 9: a property-based test of executeTool and runBlock over all 22 tools, with odd input
 * (throwing getters, Proxies, Dates, NaN, lone surrogates, unknown fields, bad keys) and hostile
 * answers (the key echoed in every encoding, garbage bodies, failing fetches). Four properties:
 * the promise always resolves; invalid input never sends; a refused call's error names a field;
 * the key never appears in any known encoding. Fixed seed, so a failure reproduces.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AgentPhoneBlock, fieldsOf, OPERATIONS, runBlock } from '../../blocks/index.js'
import { paramsSchemaOf } from '../../tools/agentphone/params.js'
import { agentphoneTools, executeTool } from '../../tools/index.js'
import type { ToolConfig, ToolResponse } from '../../tools/types.js'
import { leaksOf } from '../support/leaks.js'

const SEED = 20_261_129
const TOOL_RUNS = 5_000
const BLOCK_RUNS = 2_500

const TOOLS = Object.values(agentphoneTools) as ToolConfig[]

/** Values some param of some tool accepts; each param keeps the ones its schema takes. */
const CANDIDATES: unknown[] = [
  'agt_7hx2m4',
  '+14155551234',
  '2026-01-31T09:00:00Z',
  5,
  '25',
  'US',
  '415',
  'love',
  'sms',
  'inbound',
  'completed',
  'outbound',
  'https://example.com/a.png',
  'Hello there',
  'jane@example.com',
  { stage: 'booked', n: [1, 2] },
  null,
]

function validValuesOf(tool: ToolConfig, name: string): unknown[] {
  const shape = (
    paramsSchemaOf(tool) as unknown as { shape?: Record<string, fc.Arbitrary<unknown>> }
  ).shape
  const schema = shape?.[name] as unknown as { safeParse?: (v: unknown) => { success: boolean } }
  if (!schema?.safeParse) return CANDIDATES
  return CANDIDATES.filter((value) => value !== null && schema.safeParse?.(value).success)
}

/** Invalid for every param of every tool: no schema takes them. */
const invalidValue = fc.constantFrom<unknown>(
  Number.NaN,
  new Date(0),
  new Map([['a', 1]]),
  'x\uD800y',
  '\uDC00',
  10n,
  Symbol('s'),
  () => 1,
  Buffer.from('b')
)

/** Keys the schema takes (printable ASCII, 8+ characters), with the characters JSON and URLs escape. */
const validKey = fc
  .string({
    unit: fc.constantFrom(...'abcXYZ019_-"\\/%&<>+=[]{}u'.split('')),
    minLength: 8,
    maxLength: 24,
  })
  .map((tail) => `sk_${tail}`)
const apiKey = fc.noBias(
  fc.oneof(
    { weight: 8, arbitrary: validKey },
    { weight: 1, arbitrary: validKey.map((key) => `${key.slice(0, 5)} ${key.slice(5)}`) },
    { weight: 1, arbitrary: validKey.map((key) => `${key}[REDACTED]`) }
  )
)

/** How the fake API answers: the key echoed in some encoding, in some part of some body. */
const encodingOf = fc.constantFrom<(key: string) => string>(
  (key) => key,
  (key) => JSON.stringify(key).slice(1, -1),
  (key) => JSON.stringify(key).slice(1, -1).replaceAll('/', '\\/'),
  (key) => encodeURIComponent(key),
  (key) => [...key].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
)
const answerSpec = fc.record({
  status: fc.constantFrom(200, 200, 201, 204, 400, 401, 404, 409, 422, 429, 500, 502, 503),
  shape: fc.constantFrom('json-field', 'detail', 'detail-list', 'message', 'raw', 'html', 'empty'),
  encode: encodingOf,
  fetchError: fc.constantFrom(false, false, false, false, false, false, false, true),
})
type AnswerSpec = typeof answerSpec extends fc.Arbitrary<infer T> ? T : never

function fakeApi(spec: AnswerSpec, key: string) {
  const sent: { method: string; url: string }[] = []
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    sent.push({ method: request.method, url: request.url })
    const echoed = spec.encode(key)
    if (spec.fetchError) {
      throw new TypeError('fetch failed', { cause: new Error(`refused "${echoed}"`) })
    }
    const id = `id_${echoed.length}`
    const text = {
      'json-field': `{"id": "${id}", "notes": "${echoed}", "data": [{"id": "${id}", "body": "${echoed}"}]}`,
      detail: `{"detail": "bad key ${echoed}"}`,
      'detail-list': `{"detail": [{"loc": ["body", "x"], "input": "${echoed}"}, {"loc": ["query"], "msg": "${echoed}"}]}`,
      message: `{"message": "${echoed}", "id": "${id}"}`,
      raw: `{"id": "${id}", "broken": ${echoed}`,
      html: `<html><body><p>key=${echoed}</p></body></html>`,
      empty: '',
    }[spec.shape]
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    // Retried at once: the property is about what comes back, not how long a backoff takes.
    if (spec.status === 429 || spec.status >= 500) headers['Retry-After'] = '0'
    return new Response(spec.status === 204 ? null : text, { status: spec.status, headers })
  }) as typeof globalThis.fetch
  return { fetch, sent }
}

const isResponse = (result: unknown): result is ToolResponse =>
  typeof result === 'object' &&
  result !== null &&
  typeof (result as ToolResponse).success === 'boolean' &&
  typeof (result as ToolResponse).output === 'object' &&
  ((result as ToolResponse).success || typeof (result as ToolResponse).error === 'string')

/** What the promise resolved to, checked to be a ToolResponse; a rejection fails the property. */
async function resolvedResponse(promise: Promise<unknown>): Promise<ToolResponse> {
  const settled = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ rejected: error ?? 'rejected' })
  )
  expect(settled).not.toHaveProperty('rejected')
  const { value } = settled as { value: unknown }
  expect(isResponse(value)).toBe(true)
  return value as ToolResponse
}

/** A param value: mostly a valid one (or, when optional, absent); now and then anything at all. */
const paramValue = (tool: ToolConfig, name: string) => {
  const valid = validValuesOf(tool, name)
  const required = tool.params[name]?.required === true
  return fc.noBias(
    fc.oneof(
      {
        weight: required ? 20 : 6,
        arbitrary: fc.constantFrom(...(valid.length ? valid : [undefined])),
      },
      { weight: required ? 0 : 6, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.anything().filter((v) => v !== undefined) }
    )
  )
}

/** How the params object itself is built: plain, behind a Proxy, or with a throwing getter. */
const wrapping = fc.constantFrom(
  'plain',
  'plain',
  'plain',
  'proxy',
  'getter',
  'revoked',
  'inherited'
)

function wrap(values: Record<string, unknown>, how: string): unknown {
  switch (how) {
    case 'proxy':
      return new Proxy(values, {})
    case 'getter':
      return Object.defineProperty({ ...values }, 'zz', {
        enumerable: true,
        get() {
          throw new Error(`no ${String(values.apiKey)}`)
        },
      })
    case 'revoked': {
      const { proxy, revoke } = Proxy.revocable(values, {})
      revoke()
      return proxy
    }
    case 'inherited':
      return Object.create(values)
    default:
      return values
  }
}

const toolCase = fc.constantFrom(...TOOLS).chain((tool) =>
  fc.record({
    tool: fc.constant(tool),
    key: apiKey,
    values: fc.record(
      Object.fromEntries(
        Object.keys(tool.params)
          .filter((name) => name !== 'apiKey')
          .map((name) => [name, paramValue(tool, name)])
      ),
      { requiredKeys: [] }
    ),
    // One param in five is replaced by a value no param takes (or is a param no tool takes).
    injected: fc.noBias(
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        {
          weight: 1,
          arbitrary: fc.record({
            name: fc.constantFrom(...Object.keys(tool.params), 'bogusParam'),
            value: invalidValue,
          }),
        }
      )
    ),
    how: wrapping,
    answer: answerSpec,
    retries: fc.constantFrom(0, 1, 2),
  })
)

describe('executeTool, property-based', () => {
  it(`keeps its four promises over ${TOOL_RUNS} odd calls to the 22 tools`, async () => {
    const seen = { sent: 0, succeeded: 0, refused: 0 }
    await fc.assert(
      fc.asyncProperty(toolCase, async ({ tool, key, values, injected, how, answer, retries }) => {
        const params: Record<string, unknown> = { apiKey: key, ...values }
        if (injected) params[injected.name] = injected.value
        const { fetch, sent } = fakeApi(answer, key.trim())

        // A failing fetch is retried after the backoff: once is enough to see what comes back.
        const options = { fetch, retries: answer.fetchError ? 0 : retries }
        // 1. The promise always resolves, to a ToolResponse.
        const response = await resolvedResponse(
          executeTool(tool.id, wrap(params, how) as never, options)
        )
        // 2. Invalid input never sends.
        const invalid =
          injected !== null || how === 'getter' || how === 'revoked' || how === 'inherited'
        if (invalid) expect(sent).toEqual([])
        // (and a POST is never sent twice)
        if (tool.request.method === 'POST') expect(sent.length).toBeLessThanOrEqual(1)
        // 3. A refused call's error names a field.
        if (!response.success && sent.length === 0) {
          const names = [...Object.keys(tool.params), 'bogusParam', 'zz', 'parameters']
          expect(names.some((name) => response.error?.includes(name))).toBe(true)
          if (injected && how === 'plain') expect(response.error).toContain(injected.name)
        }
        // 4. The key never appears, in any known encoding.
        expect(leaksOf(response, key.trim())).toEqual([])
        if (sent.length > 0) seen.sent++
        if (response.success) seen.succeeded++
        if (!response.success && sent.length === 0) seen.refused++
        if (process.env.DEBUG_PROP && !response.success && sent.length === 0)
          console.log(response.error?.slice(0, 150))
      }),
      { seed: SEED, numRuns: TOOL_RUNS }
    )
    // The runs cover both sides: answers read (and scrubbed) as well as refusals.
    expect(seen.sent).toBeGreaterThan(TOOL_RUNS / 4)
    expect(seen.succeeded).toBeGreaterThan(TOOL_RUNS / 50)
    expect(seen.refused).toBeGreaterThan(TOOL_RUNS / 4)
    console.log(`executeTool runs: ${JSON.stringify(seen)}`)
  }, 120_000)
})

const FIELDS = AgentPhoneBlock.subBlocks.filter(({ id }) => id !== 'operation' && id !== 'apiKey')
const FIELD_IDS = [...new Set(FIELDS.map(({ id }) => id))]
const fieldValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CANDIDATES.filter((v) => typeof v === 'string')) },
  { weight: 2, arbitrary: fc.constantFrom('', '  ', '12', '{"a": 1}', 'not json {') },
  { weight: 1, arbitrary: invalidValue },
  { weight: 1, arbitrary: fc.anything() }
)

const blockCase = fc.record({
  operation: fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...OPERATIONS) },
    { weight: 1, arbitrary: fc.anything() }
  ),
  key: apiKey,
  fields: fc.dictionary(fc.constantFrom(...FIELD_IDS), fieldValue, { maxKeys: 6 }),
  how: wrapping,
  answer: answerSpec,
})

describe('runBlock, property-based', () => {
  it(`keeps its four promises over ${BLOCK_RUNS} odd block runs`, async () => {
    await fc.assert(
      fc.asyncProperty(blockCase, async ({ operation, key, fields, how, answer }) => {
        const values: Record<string, unknown> = { ...fields, operation, apiKey: key }
        const { fetch, sent } = fakeApi(answer, key.trim())

        const response = await resolvedResponse(
          runBlock(wrap(values, how) as never, { fetch, retries: 0 })
        )
        if (how === 'getter' || how === 'revoked' || how === 'inherited') expect(sent).toEqual([])
        if (!response.success && sent.length === 0) {
          const known =
            typeof operation === 'string' && OPERATIONS.includes(operation as never)
              ? Object.entries(fieldsOf(operation as never)).flat()
              : []
          const titles = FIELDS.map(({ title }) => title ?? '')
          const names = [...known, ...titles, 'operation', 'API Key', 'field values', 'zz']
          expect(names.some((name) => response.error?.includes(name))).toBe(true)
        }
        expect(leaksOf(response, key.trim())).toEqual([])
      }),
      { seed: SEED, numRuns: BLOCK_RUNS }
    )
  }, 120_000)
})

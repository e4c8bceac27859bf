/**
 * Issue 9, item 4: a key containing `"`, `\` or `/` is scrubbed in every form it can come back
 * in — exact, JSON-escaped, URL-encoded, `\u`-escaped — from re-serialized 422 items, bodies
 * without `detail`, fetch errors and runBlock's messages; and a key that contains `[REDACTED]`
 * is not rebuilt by the scrubbing.
 */
import { describe, expect, it } from 'vitest'
import { runBlock } from '../../blocks/index.js'
import { executeTool } from '../../tools/index.js'
import { redactor } from '../../tools/runtime/redaction.js'
import { encodingsOf, leaksOf, recordingFetch } from '../support/leaks.js'

const KEY = 'sk_live_q"b\\s/x<&>9'
const json = (text: string) => JSON.stringify(text).slice(1, -1)
const uEscaped = (text: string) =>
  [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')

async function answeredWith(body: string, status = 500, apiKey = KEY) {
  const { fetch } = recordingFetch(
    () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } })
  )
  return executeTool('agentphone_get_usage', { apiKey }, { fetch, retries: 0 })
}

describe('the key, whatever its characters, does not come back', () => {
  it('from a re-serialized 422 detail item', async () => {
    const body = JSON.stringify({ detail: [{ loc: ['header', 'authorization'], input: KEY }] })
    const result = await answeredWith(body, 422)
    expect(result.error).toBe(
      'AgentPhone API error (HTTP 422): authorization: {"loc":["header","authorization"],"input":"[REDACTED]"}'
    )
    expect(leaksOf(result, KEY)).toEqual([])
  })

  it.each([
    ['JSON-escaped', `{"echo": "${json(KEY)}"}`],
    ['JSON-escaped with \\/', `{"echo": "${json(KEY).replaceAll('/', '\\/')}"}`],
    ['\\u-escaped', `{"echo": "${uEscaped(KEY)}"}`],
    [
      '\\u-escaped in upper case',
      `{"echo": "${uEscaped(KEY).toUpperCase().replaceAll('\\U', '\\u')}"}`,
    ],
    ['half \\u-escaped', `{"echo": "${uEscaped(KEY.slice(0, 6))}${json(KEY.slice(6))}"}`],
    ['URL-encoded', `<p>retry at /login?key=${encodeURIComponent(KEY)}</p>`],
    [
      'URL-encoded in lower case',
      `<p>retry at /login?key=${encodeURIComponent(KEY).toLowerCase()}</p>`,
    ],
    ['form-encoded', `key=${new URLSearchParams({ k: KEY }).toString().slice(2)}`],
    [
      'as HTML entities',
      `<p>key ${KEY.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</p>`,
    ],
  ])('from an error body without detail that echoes it %s', async (_, body) => {
    const result = await answeredWith(body)
    expect(result.error).toMatch(/\[REDACTED\]/)
    expect(leaksOf(result, KEY)).toEqual([])
  })

  it('from a fetch error whose message quotes it', async () => {
    const fetch = (async () => {
      throw new TypeError('fetch failed', {
        cause: new Error(`invalid header value ${JSON.stringify(`Bearer ${KEY}`)}`),
      })
    }) as typeof globalThis.fetch
    const result = await executeTool('agentphone_get_usage', { apiKey: KEY }, { fetch, retries: 0 })
    expect(result.error).toBe(
      'Could not reach AgentPhone at https://api.agentphone.ai: fetch failed: invalid header value "Bearer [REDACTED]"'
    )
    expect(leaksOf(result, KEY)).toEqual([])
  })

  it("from runBlock's message about an unknown operation", async () => {
    const result = await runBlock({ operation: KEY, apiKey: KEY })
    expect(result.error).toMatch(/^Choose an AgentPhone operation \(got "\[REDACTED\]"\)/)
    expect(leaksOf(result, KEY)).toEqual([])
  })

  it('from a success answer, a key containing [REDACTED] is not rebuilt around the marker', async () => {
    const key = 'ab[REDACTED]cd'
    const result = await answeredWith(
      JSON.stringify({ plan: `abab${key}cdcd`, periodStart: `${key}${key}` }),
      200,
      key
    )
    expect(result.success).toBe(true)
    expect(leaksOf(result, key)).toEqual([])
  })
})

describe('the redactor itself', () => {
  it('finds every encoding the tests check for', () => {
    const scrub = redactor(KEY)
    for (const form of encodingsOf(KEY)) {
      expect(scrub.text(`before ${form} after`)).toBe('before [REDACTED] after')
    }
  })

  it('uses another marker when the key could be read across two [REDACTED]s', () => {
    const key = 'D][REDAC'
    expect(redactor(key).text(`x${key}y`)).toBe('x[SECRET]y')
  })

  it('leaves text without the key alone, and does nothing without a key', () => {
    expect(redactor(KEY).text('sk_live_q nothing here')).toBe('sk_live_q nothing here')
    expect(redactor(undefined).text(KEY)).toBe(KEY)
  })
})

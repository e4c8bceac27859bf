import { describe, expect, it } from 'vitest'
import { startSandbox } from '../../sandbox/index.js'
import { type RunEvent, runWorkflow } from '../../workflow/index.js'
import { createMask } from '../../workflow/secrets.js'
import { block, chain, edge, response, start, workflow } from './build.js'

const SECRET = 'tok_s3cr3t value/with+"quotes"&=?'
const KEY = 'sk_sandbox_secret_key_for_masking'

/** Every form the secret could leak in. */
const encodings = (value: string) => [
  value,
  JSON.stringify(value).slice(1, -1),
  encodeURIComponent(value),
  encodeURIComponent(value).replaceAll('%20', '+'),
  Buffer.from(value).toString('base64'),
]

function expectNoSecret(text: string, secret: string) {
  for (const form of encodings(secret)) expect(text).not.toContain(form)
}

describe('secrets never leave the run', () => {
  it('env values and the API key are masked in the result, the events and block errors', async () => {
    const sandbox = await startSandbox()
    const s = start()
    // The secret reaches a URL path (URL-encoded), an error message, a response body and a header.
    const lookup = block('agentphone', 'Lookup', {
      operation: 'get_contact',
      apiKey: '{{AGENTPHONE_API_KEY}}',
      contactId: 'ct_{{TOKEN}}',
    })
    const echo = response(
      'Echo',
      '{"token": "{{TOKEN}}", "key": "{{AGENTPHONE_API_KEY}}", "both": {{TOKEN}}}',
      {
        headers: [
          { id: 'h', cells: { Key: 'Authorization', Value: 'Bearer {{AGENTPHONE_API_KEY}}' } },
        ],
      }
    )
    const events: RunEvent[] = []
    const result = await runWorkflow(
      workflow([s, lookup, echo], [edge(s, lookup), edge(s, echo)]),
      {
        env: { AGENTPHONE_API_KEY: KEY, TOKEN: SECRET },
        baseUrl: sandbox.url,
        fetch: sandbox.fetch,
        onEvent: (event) => events.push(event),
      }
    )
    const everything = JSON.stringify({ result, events })
    expectNoSecret(everything, SECRET)
    expectNoSecret(everything, KEY)
    const lookupRecord = result.blocks[1]
    expect(lookupRecord?.status).toBe('error')
    expect(lookupRecord?.input).toMatchObject({
      apiKey: '{{AGENTPHONE_API_KEY}}',
      contactId: 'ct_{{TOKEN}}',
    })
    expect(result.blocks[2]?.output).toEqual({
      data: { token: '{{TOKEN}}', key: '{{AGENTPHONE_API_KEY}}', both: '{{TOKEN}}' },
      status: 200,
      headers: {
        'Content-Type': 'application/json',
        Authorization: 'Bearer {{AGENTPHONE_API_KEY}}',
      },
    })
  })

  it('a key typed into the API Key field is masked too', async () => {
    const sandbox = await startSandbox()
    const s = start()
    const usage = block('agentphone', 'Usage', { operation: 'get_usage', apiKey: KEY })
    const r = response('R', '{"echo": "<usage.plan.name>"}')
    const result = await runWorkflow(workflow([s, usage, r], chain(s, usage, r)), {
      baseUrl: sandbox.url,
      fetch: sandbox.fetch,
    })
    expect(result.success).toBe(true)
    expect(result.blocks[1]?.input.apiKey).toBe('[REDACTED]')
    expectNoSecret(JSON.stringify(result), KEY)
  })

  it('a key that arrives through a reference is masked in the result and in every event', async () => {
    const sandbox = await startSandbox()
    const s = start([{ name: 'key', type: 'string' }])
    const usage = block('agentphone', 'Usage', { operation: 'get_usage', apiKey: '<start.key>' })
    const events: RunEvent[] = []
    const result = await runWorkflow(workflow([s, usage], chain(s, usage)), {
      input: { key: KEY },
      baseUrl: sandbox.url,
      fetch: sandbox.fetch,
      onEvent: (event) => events.push(event),
    })
    expect(result.success).toBe(true)
    expect(result.blocks[1]?.input.apiKey).toBe('[REDACTED]')
    expectNoSecret(JSON.stringify(result), KEY)
    // The Start block reports its output before the key field reads it.
    const startFinished = events.find(
      (event) => event.type === 'block-finished' && event.data.name === 'Start'
    )
    expect(startFinished?.data).toMatchObject({ output: { key: '[REDACTED]' } })
    expectNoSecret(JSON.stringify(events), KEY)
  })

  it('masks every encoding, inside object keys too, longest secret first', () => {
    const mask = createMask([
      { value: 'abc def', label: '{{A}}' },
      { value: 'abc def ghi', label: '{{B}}' },
    ])
    expect(
      mask({
        plain: 'x abc def ghi y abc def',
        url: 'q=abc%20def&r=abc+def',
        json: JSON.stringify({ v: 'abc def' }),
        base64: Buffer.from('abc def').toString('base64'),
        'abc def': 1,
        list: ['abc def', 2],
      })
    ).toEqual({
      plain: 'x {{B}} y {{A}}',
      url: 'q={{A}}&r={{A}}',
      json: '{"v":"{{A}}"}',
      base64: '{{A}}',
      '{{A}}': 1,
      list: ['{{A}}', 2],
    })
  })

  it('masks the spellings executeTool redacts too: \\u escapes, lower-case hex, HTML references', () => {
    const mask = createMask([{ value: 'tok/s3cr3t', label: '{{TOKEN}}' }])
    expect(
      mask({
        unicode: 'a \\u0074ok\\u002Fs3cr3t b',
        lowerHex: 'q=tok%2fs3cr3t',
        html: 'tok&#x2F;s3cr3t',
        mixed: 'tok\\/s3cr3t',
      })
    ).toEqual({
      unicode: 'a {{TOKEN}} b',
      lowerHex: 'q={{TOKEN}}',
      html: '{{TOKEN}}',
      mixed: '{{TOKEN}}',
    })
  })

  it('leaves values too short to be a key alone, so ordinary text is not mangled', () => {
    const mask = createMask([{ value: 'live', label: '{{MODE}}' }])
    expect(mask({ status: 'delivered', mode: 'live' })).toEqual({
      status: 'delivered',
      mode: 'live',
    })
  })
})

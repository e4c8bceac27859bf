import { describe, expect, it } from 'vitest'
import { startSandbox } from '../../sandbox/index.js'
import { executeTool } from '../../tools/index.js'
import { runWorkflow } from '../../workflow/index.js'
import { EMPTY, resolveText, tokensOf } from '../../workflow/references.js'
import { block, chain, condition, edge, response, start, workflow } from './build.js'

const input = {
  count: 3,
  flag: true,
  user: { name: 'Ada Lovelace', tags: ['admin', 'ops'] },
  items: [{ id: 'i1', parts: [[1, 2], [3]] }, { id: 'i2' }],
}
const fields = [
  { name: 'count', type: 'number' },
  { name: 'flag', type: 'boolean' },
  { name: 'user', type: 'object' },
  { name: 'items', type: 'array' },
  { name: 'note', type: 'string' },
]

/** Runs Start → a Response whose header cell holds `text`, and returns what the cell became. */
async function resolve(text: string, options: { env?: Record<string, string> } = {}) {
  const s = start(fields)
  const r = response('Echo', '{}', { headers: [{ id: 'h', cells: { Key: 'X', Value: text } }] })
  const result = await runWorkflow(workflow([s, r], chain(s, r)), { input, ...options })
  const record = result.blocks[1]
  if (record?.status !== 'success') return { error: record?.error }
  return { value: (record.input.headers as Array<{ cells: { Value: unknown } }>)[0]?.cells.Value }
}

describe('reference forms', () => {
  it.each([
    ['<start.count>', 3],
    ['<start.flag>', true],
    ['<start.user>', input.user],
    ['<start.user.name>', 'Ada Lovelace'],
    ['<start.user.tags.1>', 'ops'],
    ['<start.user.tags[1]>', 'ops'],
    ['<start.items[0].id>', 'i1'],
    ['<start.items.0.parts[0][1]>', 2],
    ['<start.items[0].parts.1.0>', 3],
    ['<start.user.tags.length>', 2],
    ['  <start.count>  ', 3],
    ['<Start.count>', 3],
  ])('a whole-field %s keeps its type', async (text, expected) => {
    expect(await resolve(text)).toEqual({ value: expected })
  })

  it.each([
    ['n=<start.count>', 'n=3'],
    ['<start.flag>!', 'true!'],
    ['user: <start.user>', `user: ${JSON.stringify(input.user)}`],
    ['<start.user.tags[0]>/<start.items.1.id>', 'admin/i2'],
    ['note: [<start.note>]', 'note: []'],
    ['a < b && c > d', 'a < b && c > d'],
  ])('embedded in %j it is stringified', async (text, expected) => {
    expect(await resolve(text)).toEqual({ value: expected })
  })

  it('block names are matched lowercased, without spaces or dots', async () => {
    const s = start([{ name: 'x', type: 'string' }])
    const named = block('response', 'My Reply.v2', { dataMode: 'json', data: '{"x": "<start.x>"}' })
    const reader = response('Reader', '{"a": "<myreplyv2.data.x>", "b": "<My Reply.v2.data.x>"}')
    const result = await runWorkflow(workflow([s, named, reader], chain(s, named, reader)), {
      input: { x: 'ok' },
    })
    // `<My Reply.v2.data.x>` splits at the first dot: block "My Reply", which does not exist.
    expect(result.blocks[2]?.error).toBe('<My Reply.v2.data.x>: no block is named "My Reply"')
  })

  it('a declared field that is absent reads as empty, not an error', async () => {
    expect(await resolve('<start.note>')).toEqual({ value: null })
  })
})

describe('reference errors name what is wrong', () => {
  it.each([
    ['<nosuch.field>', '<nosuch.field>: no block is named "nosuch"'],
    [
      '<start.missing>',
      '<start.missing>: "missing" doesn\'t exist on block "Start". Available fields: input, conversationId, files, count, flag, user, items, note',
    ],
    ['<start.items[x]>', '<start.items[x]> has a malformed index in "items[x]"'],
    ['<start..count>', '<start..count> has an empty path segment'],
    ['{{NOT_SET}}', 'Environment variable {{NOT_SET}} is not set'],
    ['<loop.index>', '<loop.index>: loop references are not supported here'],
    ['<variable.nope>', '<variable.nope>: no workflow variable is named "nope"'],
  ])('%s', async (text, error) => {
    expect(await resolve(text)).toEqual({ error })
  })

  it('a block that is not upstream cannot be read', async () => {
    const s = start()
    const a = response('A', '{"v": 1}')
    const b = response('B', '{"v": <a.data.v>}')
    const result = await runWorkflow(
      workflow(
        [s, a, b],
        [
          { id: 'e1', source: s.id, target: a.id },
          { id: 'e2', source: s.id, target: b.id },
        ]
      )
    )
    expect(result.blocks[2]).toMatchObject({
      status: 'error',
      error: '<a.data.v>: block "A" is not connected before "B", so its output is not available',
    })
  })

  it('an unknown field of an AgentPhone block lists the outputs of its operation', async () => {
    const sandbox = await startSandbox()
    const s = start()
    const usage = block('agentphone', 'Usage', { operation: 'get_usage', apiKey: '{{KEY}}' })
    const r = response('R', '{"plan": "<usage.plan.name>", "x": "<usage.nope>"}')
    const result = await runWorkflow(workflow([s, usage, r], chain(s, usage, r)), {
      env: { KEY: 'sk_sandbox_demo' },
      baseUrl: sandbox.url,
      fetch: sandbox.fetch,
    })
    expect(result.blocks[2]?.error).toBe(
      '<usage.nope>: "nope" doesn\'t exist on block "Usage". Available fields: plan, numbers, stats, periodStart, periodEnd'
    )
  })
})

describe('environment and workflow variables', () => {
  it('{{NAME}} resolves from the env given, whole or embedded (and is masked in the result)', async () => {
    const sandbox = await startSandbox()
    const execute = { baseUrl: sandbox.url, fetch: sandbox.fetch }
    const key = 'sk_sandbox_env_test'
    const numbers = await executeTool('agentphone_list_numbers', { apiKey: key, limit: 1 }, execute)
    const number = (numbers.output.data as Array<{ id: string; agentId: string }>)[0]
    const s = start()
    const gate = condition('Gate', [
      { id: 'live', title: 'if', value: "{{MODE}} === 'live'" },
      { id: 'other', title: 'else', value: '' },
    ])
    const send = block('agentphone', 'Send', {
      operation: 'send_message',
      apiKey: '{{KEY}}',
      sendAgentId: number?.agentId,
      sendNumberId: number?.id,
      toNumberMessage: '+14155550142',
      messageBody: 'say {{ GREETING }}!',
    })
    const result = await runWorkflow(
      workflow([s, gate, send], [edge(s, gate), edge(gate, send, 'condition-live')]),
      { env: { KEY: key, MODE: 'live', GREETING: 'hi there' }, ...execute }
    )
    expect(result.success).toBe(true)
    expect(result.blocks[2]?.input.messageBody).toBe('say {{GREETING}}!')
    const sent = await executeTool(
      'agentphone_get_number_messages',
      { apiKey: key, numberId: number?.id, limit: 1 },
      execute
    )
    expect((sent.output.data as Array<{ body: string }>)[0]?.body).toBe('say hi there!')
  })

  it('<variable.name> reads the workflow variables', async () => {
    const s = start()
    const r = response('R', '{"limit": <variable.maxItems>, "label": "<variable.label>"}')
    const file = workflow([s, r], chain(s, r))
    file.state.variables = {
      v1: { id: 'v1', name: 'maxItems', type: 'number', value: 25 },
      v2: { id: 'v2', name: 'label', type: 'string', value: 'VIP' },
    }
    const result = await runWorkflow(file)
    expect(result.output).toMatchObject({ data: { limit: 25, label: 'VIP' } })
  })

  it('text a reference produces is not scanned again for {{NAME}}', async () => {
    const s = start([{ name: 'note', type: 'string' }])
    const r = response('R', '{"note": "<start.note>"}')
    const result = await runWorkflow(workflow([s, r], chain(s, r)), {
      input: { note: 'steal {{SECRET}}' },
      env: { SECRET: 'sk_live_abcdef' },
    })
    expect(result.output).toMatchObject({ data: { note: 'steal {{SECRET}}' } })
  })
})

describe('response data', () => {
  it('keeps JSON valid whatever the values hold', async () => {
    const s = start([
      { name: 'quote', type: 'string' },
      { name: 'obj', type: 'object' },
    ])
    const r = response(
      'R',
      '{"inString": "said: <start.quote>", "raw": <start.quote>, "obj": <start.obj>, "none": <start.missingDeclared>}'
    )
    s.subBlocks.inputFormat = {
      id: 'inputFormat',
      type: 'input-format',
      value: [
        { name: 'quote', type: 'string' },
        { name: 'obj', type: 'object' },
        { name: 'missingDeclared', type: 'string' },
      ],
    }
    const result = await runWorkflow(workflow([s, r], chain(s, r)), {
      input: { quote: 'a "b" \\ c\nd', obj: '{"k": [1, 2]}' },
    })
    expect(result.output).toEqual({
      data: {
        inString: 'said: a "b" \\ c\nd',
        raw: 'a "b" \\ c\nd',
        obj: { k: [1, 2] },
        none: null,
      },
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    })
  })

  it('data that is not JSON fails the block with the parser reason', async () => {
    const s = start()
    const r = response('R', '{"a": ')
    const result = await runWorkflow(workflow([s, r], chain(s, r)))
    expect(result.blocks[1]?.error).toMatch(/^Response Data is not valid JSON: /)
  })

  it('a status outside 100–599 is an error naming the field', async () => {
    const s = start()
    const r = response('R', '{}', { status: '42' })
    const result = await runWorkflow(workflow([s, r], chain(s, r)))
    expect(result.blocks[1]?.error).toBe(
      'Status Code must be a whole number from 100 to 599, got "42"'
    )
  })
})

describe('tokens', () => {
  it('finds references, not comparisons', () => {
    expect(tokensOf('<a.b> > 3 && <c.d[0]> < <e>').map((t) => t.text)).toEqual([
      '<a.b>',
      '<c.d[0]>',
      '<e>',
    ])
    expect(tokensOf('x < 3 || y > 2')).toEqual([])
    expect(tokensOf('<3 <real.ref>').map((t) => t.text)).toEqual(['<real.ref>'])
  })

  it('an empty (skipped) value is null whole and empty text embedded', () => {
    expect(resolveText('<a.b>', () => EMPTY)).toBeNull()
    expect(resolveText('[<a.b>]', () => EMPTY)).toBe('[]')
  })
})

import { describe, expect, it } from 'vitest'
import { startSandbox } from '../../sandbox/index.js'
import { type RunEvent, type RunOptions, runWorkflow } from '../../workflow/index.js'
import { newKey } from '../sandbox/harness.js'
import { agentphone, chain, condition, edge, response, start, workflow } from './build.js'

async function sandboxOptions(extra: Partial<RunOptions> = {}) {
  const sandbox = await startSandbox()
  return {
    env: { AGENTPHONE_API_KEY: newKey() },
    baseUrl: sandbox.url,
    fetch: sandbox.fetch,
    ...extra,
  } satisfies RunOptions
}

function collect() {
  const events: RunEvent[] = []
  return { events, onEvent: (event: RunEvent) => events.push(event) }
}

const statuses = (result: Awaited<ReturnType<typeof runWorkflow>>) =>
  Object.fromEntries(result.blocks.map((b) => [b.name, b.status]))

describe('order', () => {
  it('runs a chain in order, each block after the one it depends on', async () => {
    const s = start()
    const a = agentphone('Numbers', 'list_numbers', { limit: '1' })
    const b = agentphone('Usage', 'get_usage')
    const r = response('Response', '{"total": <numbers.total>, "plan": "<usage.plan>"}')
    const { events, onEvent } = collect()
    const result = await runWorkflow(workflow([r, b, a, s], chain(s, a, b, r)), {
      ...(await sandboxOptions()),
      onEvent,
    })
    expect(result.success).toBe(true)
    const order = events.map((e) =>
      e.type === 'block-started'
        ? `start ${e.data.name}`
        : e.type === 'block-finished'
          ? `end ${e.data.name}`
          : 'run'
    )
    expect(order).toEqual([
      'start Start',
      'end Start',
      'start Numbers',
      'end Numbers',
      'start Usage',
      'end Usage',
      'start Response',
      'end Response',
      'run',
    ])
    // Records are in the workflow's block order, and the run-finished event carries the result.
    expect(result.blocks.map((b) => b.name)).toEqual(['Response', 'Usage', 'Numbers', 'Start'])
    expect(events.at(-1)).toEqual({ type: 'run-finished', data: result })
    expect(result.output).toMatchObject({ data: { total: expect.any(Number) }, status: 200 })
  })

  it('runs a join only after both branches have finished', async () => {
    const s = start()
    const a = agentphone('A', 'get_usage')
    const b = agentphone('B', 'list_numbers')
    const join = response('Join', '{"a": "<a.plan>", "b": <b.total>}')
    const { events, onEvent } = collect()
    const result = await runWorkflow(
      workflow([s, a, b, join], [edge(s, a), edge(s, b), edge(a, join), edge(b, join)]),
      { ...(await sandboxOptions()), onEvent }
    )
    expect(result.success).toBe(true)
    const index = (type: string, name: string) =>
      events.findIndex((e) => e.type === type && (e.data as { name?: string }).name === name)
    expect(index('block-started', 'Join')).toBeGreaterThan(index('block-finished', 'A'))
    expect(index('block-started', 'Join')).toBeGreaterThan(index('block-finished', 'B'))
  })
})

describe('concurrency', () => {
  it('runs two independent branches at the same time', async () => {
    const base = await sandboxOptions()
    // Each request waits until both are in flight: run one after the other, this would time out.
    let inFlight = 0
    let release!: () => void
    const bothStarted = new Promise<void>((resolve) => {
      release = resolve
    })
    const gatedFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      inFlight += 1
      if (inFlight === 2) release()
      await Promise.race([
        bothStarted,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('the other branch never started')), 2_000)
        ),
      ])
      return base.fetch(input, init)
    }) as typeof fetch
    const s = start()
    const a = agentphone('Left', 'get_usage')
    const b = agentphone('Right', 'list_numbers')
    const { events, onEvent } = collect()
    const result = await runWorkflow(workflow([s, a, b], [edge(s, a), edge(s, b)]), {
      ...base,
      fetch: gatedFetch,
      onEvent,
    })
    expect(result.success).toBe(true)
    expect(statuses(result)).toEqual({ Start: 'success', Left: 'success', Right: 'success' })
    const kinds = events.map((e) => `${e.type} ${(e.data as { name?: string }).name ?? ''}`)
    const firstEnd = kinds.findIndex(
      (k) => k === 'block-finished Left' || k === 'block-finished Right'
    )
    expect(kinds.indexOf('block-started Left')).toBeLessThan(firstEnd)
    expect(kinds.indexOf('block-started Right')).toBeLessThan(firstEnd)
  })
})

describe('conditions', () => {
  const branches = [
    { id: 'c-if', title: 'if', value: '<start.score> >= 80 && <start.tier> === "gold"' },
    { id: 'c-elif', title: 'else if', value: "<start.score> >= 50 || <start.tier> == 'silver'" },
    { id: 'c-else', title: 'else', value: '' },
  ]
  function branching() {
    const s = start([
      { name: 'score', type: 'number' },
      { name: 'tier', type: 'string' },
    ])
    const c = condition('Check', branches)
    const high = response('High', '{"path": "high"}')
    const mid = response('Mid', '{"path": "mid"}')
    const low = response('Low', '{"path": "low"}')
    const after = response('After Low', '{"path": "after low"}')
    return workflow(
      [s, c, high, mid, low, after],
      [
        edge(s, c),
        edge(c, high, 'condition-c-if'),
        edge(c, mid, 'condition-c-elif'),
        edge(c, low, 'condition-c-else'),
        edge(low, after),
      ]
    )
  }

  it.each([
    [{ score: 90, tier: 'gold' }, 'High', 'c-if'],
    [{ score: '90', tier: 'silver' }, 'Mid', 'c-elif'],
    [{ score: 10, tier: 'silver' }, 'Mid', 'c-elif'],
    [{ score: 10, tier: 'bronze' }, 'Low', 'c-else'],
  ])('input %j takes the %s path', async (input, taken, option) => {
    const result = await runWorkflow(branching(), { input })
    expect(result.success).toBe(true)
    const check = result.blocks.find((b) => b.name === 'Check')
    const target = result.blocks.find((b) => b.name === taken)
    expect(check?.output).toEqual({
      conditionResult: true,
      selectedPath: { blockId: target?.id, blockType: 'response', blockTitle: taken },
      selectedOption: option,
    })
    for (const name of ['High', 'Mid', 'Low']) {
      const record = result.blocks.find((b) => b.name === name)
      if (name === taken) expect(record?.status).toBe('success')
      else expect(record).toMatchObject({ status: 'skipped', reason: 'not on the path taken' })
    }
    // What follows a skipped block is skipped too.
    expect(result.blocks.find((b) => b.name === 'After Low')?.status).toBe(
      taken === 'Low' ? 'success' : 'skipped'
    )
    expect(result.output).toMatchObject({ data: { path: taken.toLowerCase() } })
  })

  it('with no branch matching and no else, takes no path', async () => {
    const s = start([{ name: 'n', type: 'number' }])
    const c = condition('Check', [{ id: 'x', title: 'if', value: '<start.n> > 1' }])
    const r = response('R', '{}')
    const result = await runWorkflow(workflow([s, c, r], [edge(s, c), edge(c, r, 'condition-x')]), {
      input: { n: 0 },
    })
    expect(result.success).toBe(true)
    expect(result.blocks.find((b) => b.name === 'Check')?.output).toEqual({
      conditionResult: false,
      selectedPath: null,
      selectedOption: null,
    })
    expect(statuses(result).R).toBe('skipped')
  })

  it('a join after a condition runs when one of its inputs was taken', async () => {
    const s = start([{ name: 'ok', type: 'boolean' }])
    const c = condition('Gate', [
      { id: 'yes', title: 'if', value: '<start.ok>' },
      { id: 'no', title: 'else', value: '' },
    ])
    const yes = response('Yes', '{"v": 1}')
    const no = response('No', '{"v": 2}')
    const join = response('Join', '{"yes": <yes.data.v>, "no": <no.data.v>}')
    const result = await runWorkflow(
      workflow(
        [s, c, yes, no, join],
        [
          edge(s, c),
          edge(c, yes, 'condition-yes'),
          edge(c, no, 'condition-no'),
          edge(yes, join),
          edge(no, join),
        ]
      ),
      { input: { ok: 'true' } }
    )
    expect(statuses(result)).toEqual({
      Start: 'success',
      Gate: 'success',
      Yes: 'success',
      No: 'skipped',
      Join: 'success',
    })
    // A skipped block's output reads as null; the first Response to run gives the run's output.
    expect(result.blocks.find((b) => b.name === 'Join')?.output).toMatchObject({
      data: { yes: 1, no: null },
    })
    expect(result.output).toMatchObject({ data: { v: 1 } })
  })

  it('an expression that cannot be evaluated fails the block, naming the branch', async () => {
    const s = start()
    const c = condition('Check', [
      { id: 'a', title: 'if', value: 'launchMissiles()' },
      { id: 'b', title: 'else', value: '' },
    ])
    const r = response('R', '{}')
    const result = await runWorkflow(workflow([s, c, r], [edge(s, c), edge(c, r, 'condition-b')]))
    expect(result.success).toBe(false)
    expect(result.blocks.find((b) => b.name === 'Check')).toMatchObject({
      status: 'error',
      error: 'Evaluation error in condition "if": only methods such as .includes() can be called',
    })
    expect(result.error).toBe(
      'Block "Check" failed: Evaluation error in condition "if": only methods such as .includes() can be called'
    )
    expect(statuses(result).R).toBe('skipped')
  })
})

describe('failure and cancellation', () => {
  it('a failing block stops its downstream path; independent branches still run', async () => {
    const s = start()
    const bad = agentphone('Lookup', 'get_contact', { contactId: 'ct_missing' })
    const after = response('After', '{"name": "<lookup.name>"}')
    const other = agentphone('Usage', 'get_usage')
    const result = await runWorkflow(
      workflow([s, bad, after, other], [edge(s, bad), edge(bad, after), edge(s, other)]),
      await sandboxOptions()
    )
    expect(result.success).toBe(false)
    const lookup = result.blocks.find((b) => b.name === 'Lookup')
    expect(lookup?.status).toBe('error')
    expect(lookup?.error).toMatch(/^AgentPhone API error \(HTTP 404 Not Found\): /)
    expect(result.blocks.find((b) => b.name === 'After')).toMatchObject({
      status: 'skipped',
      reason: 'upstream block "Lookup" did not succeed',
    })
    expect(statuses(result).Usage).toBe('success')
    expect(result.error).toBe(`Block "Lookup" failed: ${lookup?.error}`)
  })

  it('a run is cancelled with its signal: the call in flight is aborted, nothing after it runs', async () => {
    const base = await sandboxOptions()
    const controller = new AbortController()
    // Cancels the run while its first request is in flight; like a real fetch, the request then
    // rejects with its signal's reason (the run's signal must have been passed down to it).
    const cancellingFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init)
      controller.abort()
      if (request.signal.aborted) throw request.signal.reason
      return base.fetch(request)
    }) as typeof fetch
    const s = start()
    const a = agentphone('First', 'get_usage')
    const b = agentphone('Second', 'list_numbers')
    const result = await runWorkflow(workflow([s, a, b], chain(s, a, b)), {
      ...base,
      fetch: cancellingFetch,
      signal: controller.signal,
    })
    expect(result.success).toBe(false)
    expect(result.error).toBe('Block "First" failed: The AgentPhone request was cancelled')
    expect(result.blocks.find((b) => b.name === 'First')?.status).toBe('error')
    expect(result.blocks.find((b) => b.name === 'Second')?.status).toBe('skipped')
  })

  it('a run whose signal is already aborted runs nothing', async () => {
    const controller = new AbortController()
    controller.abort()
    const s = start()
    const r = response('R', '{}')
    const result = await runWorkflow(workflow([s, r], chain(s, r)), { signal: controller.signal })
    expect(result).toMatchObject({ success: false, error: 'The run was cancelled', output: null })
    expect(result.blocks.map((b) => [b.status, b.reason])).toEqual([
      ['skipped', 'the run was cancelled'],
      ['skipped', 'not on the path taken'],
    ])
  })
})

describe('error paths', () => {
  it('a failing block with an error edge hands {error} to it; its normal path is skipped', async () => {
    const s = start()
    const lookup = agentphone('Lookup', 'get_contact', { contactId: 'ct_missing' })
    const found = response('Found', '{"name": "<lookup.name>"}')
    const missing = response('Missing', '{"why": "<lookup.error>"}')
    const result = await runWorkflow(
      workflow(
        [s, lookup, found, missing],
        [edge(s, lookup), edge(lookup, found, 'source'), edge(lookup, missing, 'error')]
      ),
      await sandboxOptions()
    )
    const record = result.blocks.find((b) => b.name === 'Lookup')
    expect(record).toMatchObject({ status: 'error', errorHandled: true })
    expect(record?.output).toEqual({ error: record?.error })
    expect(statuses(result)).toMatchObject({ Found: 'skipped', Missing: 'success' })
    // The error was handled: the run succeeds, with the error path's output.
    expect(result.success).toBe(true)
    expect(result.error).toBeUndefined()
    expect(result.output).toMatchObject({ data: { why: record?.error } })
  })

  it('a block that succeeds does not take its error edge', async () => {
    const s = start()
    const usage = agentphone('Usage', 'get_usage')
    const ok = response('Ok', '{"plan": "<usage.plan.name>"}')
    const failed = response('Failed', '{"why": "<usage.error>"}')
    const result = await runWorkflow(
      workflow(
        [s, usage, ok, failed],
        [edge(s, usage), edge(usage, ok), edge(usage, failed, 'error')]
      ),
      await sandboxOptions()
    )
    expect(statuses(result)).toMatchObject({ Usage: 'success', Ok: 'success', Failed: 'skipped' })
  })
})

describe('blocks outside the path', () => {
  it('skips blocks not connected to the Start block and disabled blocks', async () => {
    const s = start()
    const r = response('R', '{"ok": true}')
    const loose = response('Loose', '{}')
    const off = response('Off', '{}')
    off.enabled = false
    const afterOff = response('After Off', '{}')
    const result = await runWorkflow(
      workflow([s, r, loose, off, afterOff], [edge(s, r), edge(s, off), edge(off, afterOff)])
    )
    expect(result.success).toBe(true)
    expect(result.blocks.map((b) => [b.name, b.status, b.reason])).toEqual([
      ['Start', 'success', undefined],
      ['R', 'success', undefined],
      ['Loose', 'skipped', `not connected to "Start" (${s.id})`],
      ['Off', 'skipped', 'the block is disabled'],
      ['After Off', 'skipped', 'not on the path taken'],
    ])
  })
})

describe('records and events', () => {
  it('each record has the contract fields; events carry the run id', async () => {
    const s = start([{ name: 'who', type: 'string' }])
    const r = response('Reply', '{"hello": "<start.who>"}', { status: '201' })
    const { events, onEvent } = collect()
    const result = await runWorkflow(workflow([s, r], chain(s, r)), {
      input: { who: 'Ada' },
      onEvent,
      runId: 'run-1',
    })
    expect(result.runId).toBe('run-1')
    const reply = result.blocks[1]
    expect(reply).toEqual({
      id: r.id,
      name: 'Reply',
      type: 'response',
      status: 'success',
      startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      durationMs: expect.any(Number),
      input: { dataMode: 'json', data: '{"hello": "<start.who>"}', status: '201' },
      output: {
        data: { hello: 'Ada' },
        status: 201,
        headers: { 'Content-Type': 'application/json' },
      },
    })
    expect(events[0]).toEqual({
      type: 'block-started',
      data: {
        runId: 'run-1',
        blockId: s.id,
        name: 'Start',
        type: 'start_trigger',
        startedAt: expect.any(String),
      },
    })
  })

  it('an event listener that throws does not break the run', async () => {
    const s = start()
    const result = await runWorkflow(workflow([s], []), {
      onEvent: () => {
        throw new Error('listener broke')
      },
    })
    expect(result.success).toBe(true)
  })
})

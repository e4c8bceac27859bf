import { describe, expect, it, vi } from 'vitest'
import { loadWorkflow, runWorkflow } from '../../workflow/index.js'
import { agentphone, block, chain, condition, edge, response, start, workflow } from './build.js'

function refused(file: unknown) {
  const loaded = loadWorkflow(file)
  expect(loaded.ok).toBe(false)
  return loaded.ok ? '' : loaded.error
}

describe('loading a workflow', () => {
  it('accepts a valid export and keeps unknown keys', () => {
    const s = start()
    const file = { ...workflow([s], []), extra: { kept: true } }
    const loaded = loadWorkflow(JSON.stringify(file))
    expect(loaded).toEqual({ ok: true, workflow: file })
  })

  it('refuses text that is not JSON', () => {
    expect(refused('{nope')).toMatch(/^The workflow is not valid JSON: /)
  })

  it('refuses a file that is not an export, naming the field', () => {
    expect(refused({ version: '1.0', exportedAt: 'x' })).toBe(
      'Not a Sim workflow export: state: Invalid input: expected object, received undefined'
    )
    const s = start()
    const file = workflow([s], []) as unknown as {
      state: { blocks: Record<string, { name?: unknown }> }
    }
    delete (file.state.blocks[s.id] as { name?: unknown }).name
    expect(refused(file)).toBe(
      `Not a Sim workflow export: block "${s.id}": name: Invalid input: expected string, received undefined`
    )
  })

  it('refuses an unknown block type, naming the block', () => {
    const s = start()
    const odd = block('openai', 'Agent 1')
    expect(refused(workflow([s, odd], chain(s, odd)))).toBe(
      `Block "Agent 1" (${odd.id}) has unknown type "openai"; known types: start_trigger, agentphone, condition, response`
    )
  })

  it('refuses an edge to or from a missing block, naming the edge', () => {
    const s = start()
    const r = response('R', '{}')
    expect(refused(workflow([s], [edge(s, r)]))).toBe(
      `Edge "${s.id}->${r.id}" ends at block "${r.id}", which does not exist`
    )
    expect(refused(workflow([r], [edge(s, r)]))).toBe(
      `Edge "${s.id}->${r.id}" starts at block "${s.id}", which does not exist`
    )
  })

  it('refuses a cycle, naming its blocks', () => {
    const s = start()
    const a = response('A', '{}')
    const b = response('B', '{}')
    expect(refused(workflow([s, a, b], [...chain(s, a, b), edge(b, a)]))).toBe(
      'The workflow has a cycle: "A" → "B" → "A"'
    )
  })

  it('refuses a condition edge whose handle names no branch', () => {
    const s = start()
    const c = condition('Check', [{ id: 'a', title: 'if', value: 'true' }])
    const r = response('R', '{}')
    expect(refused(workflow([s, c, r], [edge(s, c), edge(c, r, 'condition-zzz')]))).toBe(
      `Edge "${c.id}->${r.id}:condition-zzz" leaves condition "Check" (${c.id}) through handle "condition-zzz", which is not condition-<id> of one of its branches`
    )
  })

  it("accepts Sim's source and error handles, refuses others", () => {
    const s = start()
    const a = response('A', '{}')
    const b = response('B', '{}')
    for (const handle of ['source', 'source-right', 'error']) {
      expect(loadWorkflow(workflow([s, a], [edge(s, a, handle)])).ok).toBe(true)
    }
    expect(refused(workflow([s, a, b], [edge(s, a), edge(a, b, 'router-x')]))).toBe(
      `Edge "${a.id}->${b.id}:router-x" leaves "A" (${a.id}) through handle "router-x"; a response block has "source" and "error"`
    )
  })

  it('refuses malformed conditions, duplicate names, reserved names, two Start blocks, loops', () => {
    const s = start()
    const bad = block('condition', 'Check', { conditions: '[{"title": "if"}]' })
    expect(refused(workflow([s, bad], []))).toBe(
      `Condition "Check" (${bad.id}): conditions must be a list of {id, title, value} at 0.id: Invalid input: expected string, received undefined`
    )
    const one = response('My Reply', '{}')
    const two = response('myreply', '{}')
    expect(refused(workflow([one, two], []))).toBe(
      `Blocks "My Reply" (${one.id}) and "myreply" (${two.id}) have the same reference name <myreply>`
    )
    const reserved = response('Variable', '{}')
    expect(refused(workflow([reserved], []))).toMatch(/cannot be named "Variable": it is reserved/)
    const second = start()
    second.name = 'Start 2'
    expect(refused(workflow([start(), second], []))).toMatch(/^The workflow has 2 Start blocks/)
    const looped = workflow([s], [])
    looped.state.loops = { l1: { nodes: [] } }
    expect(refused(looped)).toBe('Loops are not supported yet (loop "l1")')
  })

  it('runs nothing when the file is refused', async () => {
    const fetch = vi.fn()
    const s = start()
    const a = agentphone('A', 'get_usage')
    const result = await runWorkflow(workflow([s, a], [...chain(s, a), edge(a, s)]), {
      fetch: fetch as unknown as typeof globalThis.fetch,
      env: { AGENTPHONE_API_KEY: 'sk_sandbox_demo' },
    })
    expect(result).toMatchObject({ success: false, blocks: [], output: null })
    expect(result.error).toMatch(/cycle/)
    expect(fetch).not.toHaveBeenCalled()
  })
})

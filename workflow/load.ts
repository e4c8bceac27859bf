/**
 * Reading a workflow file: the export format checked by zod, then what zod cannot see — known
 * block types, edges between existing blocks, condition handles naming a branch, unique block
 * names, no cycle. Every refusal names the block or edge at fault; nothing runs.
 */
import type { z } from 'zod'
import { workflowBlocks } from './blocks/index.js'
import { branchesOf, CONDITION_HANDLE_PREFIX } from './conditions.js'
import { normalizeName } from './references.js'
import { type BlockState, type WorkflowFile, workflowFileSchema } from './schema.js'

export type LoadResult = { ok: true; workflow: WorkflowFile } | { ok: false; error: string }

/** The handle a block's error path leaves through (Sim's `EDGE.ERROR`). */
export const ERROR_HANDLE = 'error'

/** Sim's older side-anchored spellings of the "source" handle. */
const SIDE_HANDLES = ['source-top', 'source-right', 'source-bottom', 'source-left']

/** Names reserved for Sim's reference prefixes (`<loop.index>`, `<variable.x>`). */
const RESERVED_NAMES = ['loop', 'parallel', 'variable']

export const labelOf = (block: Pick<BlockState, 'id' | 'name'>) =>
  block.name ? `"${block.name}" (${block.id})` : `"${block.id}"`

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String)
  let where = path.join('.')
  if (path[0] === 'state' && path[1] === 'blocks' && path[2] !== undefined) {
    where = `block "${path[2]}"${path.length > 3 ? `: ${path.slice(3).join('.')}` : ''}`
  } else if (path[0] === 'state' && path[1] === 'edges' && path[2] !== undefined) {
    where = `edge #${path[2]}${path.length > 3 ? `: ${path.slice(3).join('.')}` : ''}`
  }
  return where ? `${where}: ${issue.message}` : issue.message
}

function findCycle(workflow: WorkflowFile): string | undefined {
  const { blocks, edges } = workflow.state
  const next = new Map<string, string[]>()
  for (const edge of edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target])
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id]
    state.set(id, 'visiting')
    stack.push(id)
    for (const target of next.get(id) ?? []) {
      const cycle = visit(target)
      if (cycle) return cycle
    }
    stack.pop()
    state.set(id, 'done')
    return undefined
  }
  for (const id of Object.keys(blocks)) {
    const cycle = visit(id)
    if (cycle) {
      const names = cycle.map((blockId) => blocks[blockId]?.name || blockId)
      return `The workflow has a cycle: ${names.map((name) => `"${name}"`).join(' → ')}`
    }
  }
  return undefined
}

function checkBlocks(workflow: WorkflowFile): string | undefined {
  const byName = new Map<string, BlockState>()
  for (const [key, block] of Object.entries(workflow.state.blocks)) {
    if (key !== block.id) return `Block key "${key}" holds a block whose id is "${block.id}"`
    if (!workflowBlocks[block.type]) {
      const known = Object.keys(workflowBlocks).join(', ')
      return `Block ${labelOf(block)} has unknown type "${block.type}"; known types: ${known}`
    }
    const name = normalizeName(block.name)
    if (!name) return `Block "${block.id}" needs a name: references read <name.field>`
    if (RESERVED_NAMES.includes(name)) {
      return `Block ${labelOf(block)} cannot be named "${block.name}": it is reserved for references`
    }
    const other = byName.get(name)
    if (other) {
      return `Blocks ${labelOf(other)} and ${labelOf(block)} have the same reference name <${name}>`
    }
    byName.set(name, block)
    if (block.type === 'condition') {
      try {
        branchesOf(block.subBlocks.conditions?.value)
      } catch (error) {
        return `Condition ${labelOf(block)}: ${(error as Error).message}`
      }
    }
  }
  const starts = Object.values(workflow.state.blocks).filter((b) => b.type === 'start_trigger')
  if (starts.length > 1) {
    return `The workflow has ${starts.length} Start blocks (${starts.map(labelOf).join(', ')}); keep one`
  }
  return undefined
}

function checkEdges(workflow: WorkflowFile): string | undefined {
  const { blocks, edges } = workflow.state
  const ids = new Set<string>()
  for (const edge of edges) {
    if (ids.has(edge.id)) return `Edge "${edge.id}" appears twice`
    ids.add(edge.id)
    const source = blocks[edge.source]
    if (!source) return `Edge "${edge.id}" starts at block "${edge.source}", which does not exist`
    if (!blocks[edge.target]) {
      return `Edge "${edge.id}" ends at block "${edge.target}", which does not exist`
    }
    if (edge.source === edge.target)
      return `Edge "${edge.id}" connects ${labelOf(source)} to itself`
    const handle = edge.sourceHandle ?? ''
    if (handle === ERROR_HANDLE) continue
    if (source.type === 'condition') {
      const branches = branchesOf(source.subBlocks.conditions?.value)
      const branchId = handle.startsWith(CONDITION_HANDLE_PREFIX)
        ? handle.slice(CONDITION_HANDLE_PREFIX.length)
        : undefined
      if (!branches.some((branch) => branch.id === branchId)) {
        return `Edge "${edge.id}" leaves condition ${labelOf(source)} through handle "${handle}", which is not condition-<id> of one of its branches`
      }
    } else if (handle !== '' && handle !== 'source' && !SIDE_HANDLES.includes(handle)) {
      return `Edge "${edge.id}" leaves ${labelOf(source)} through handle "${handle}"; a ${source.type} block has "source" and "error"`
    }
  }
  return undefined
}

function checkSubflows(workflow: WorkflowFile): string | undefined {
  const [loop] = Object.keys(workflow.state.loops)
  if (loop !== undefined) return `Loops are not supported yet (loop "${loop}")`
  const [parallel] = Object.keys(workflow.state.parallels)
  if (parallel !== undefined) return `Parallel blocks are not supported yet ("${parallel}")`
  return undefined
}

/** A workflow document (parsed JSON, or its text) checked for running and saving. */
export function loadWorkflow(input: unknown): LoadResult {
  let raw = input
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input)
    } catch (error) {
      return { ok: false, error: `The workflow is not valid JSON: ${(error as Error).message}` }
    }
  }
  const parsed = workflowFileSchema.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map(describeIssue).join('; ')
    return { ok: false, error: `Not a Sim workflow export: ${issues}` }
  }
  const workflow = parsed.data
  const error =
    checkBlocks(workflow) ?? checkEdges(workflow) ?? checkSubflows(workflow) ?? findCycle(workflow)
  return error ? { ok: false, error } : { ok: true, workflow }
}

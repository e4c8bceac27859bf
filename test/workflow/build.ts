/** Building Sim-format workflows in tests: blocks by name, edges by block name. */
import { readFileSync } from 'node:fs'
import { AgentPhoneBlock } from '../../blocks/index.js'
import type { BlockState, WorkflowEdge, WorkflowFile } from '../../workflow/index.js'
import { normalizeName } from '../../workflow/references.js'

const CORE_TYPES: Record<string, string> = {
  inputFormat: 'input-format',
  conditions: 'condition-input',
  data: 'code',
  dataMode: 'dropdown',
  headers: 'table',
}

const subBlockType = (id: string) =>
  CORE_TYPES[id] ??
  AgentPhoneBlock.subBlocks.find((subBlock) => subBlock.id === id)?.type ??
  'short-input'

let counter = 0

export function block(
  type: string,
  name: string,
  fields: Record<string, unknown> = {}
): BlockState {
  counter += 1
  return {
    id: `${normalizeName(name)}-${counter}`,
    type,
    name,
    position: { x: counter * 100, y: 0 },
    subBlocks: Object.fromEntries(
      Object.entries(fields).map(([id, value]) => [id, { id, type: subBlockType(id), value }])
    ),
    outputs: {},
    enabled: true,
  }
}

export const start = (inputFormat: Array<{ name: string; type: string; value?: unknown }> = []) =>
  block('start_trigger', 'Start', { inputFormat })

export const agentphone = (name: string, operation: string, fields: Record<string, unknown> = {}) =>
  block('agentphone', name, { operation, apiKey: '{{AGENTPHONE_API_KEY}}', ...fields })

export const response = (name: string, data: string, fields: Record<string, unknown> = {}) =>
  block('response', name, { dataMode: 'json', data, ...fields })

export const condition = (
  name: string,
  branches: Array<{ id: string; title: string; value: string }>
) => block('condition', name, { conditions: JSON.stringify(branches) })

export function edge(source: BlockState, target: BlockState, sourceHandle?: string): WorkflowEdge {
  return {
    id: `${source.id}->${target.id}${sourceHandle ? `:${sourceHandle}` : ''}`,
    source: source.id,
    target: target.id,
    ...(sourceHandle ? { sourceHandle } : {}),
  }
}

/** A chain of edges: chain(a, b, c) = a→b, b→c. */
export const chain = (...blocks: BlockState[]) =>
  blocks.slice(1).map((target, index) => edge(blocks[index] as BlockState, target))

export function workflow(blocks: BlockState[], edges: WorkflowEdge[], name = 'Test'): WorkflowFile {
  return {
    version: '1.0',
    exportedAt: '2026-11-29T17:00:00.000Z',
    state: {
      blocks: Object.fromEntries(blocks.map((b) => [b.id, b])),
      edges,
      loops: {},
      parallels: {},
      metadata: { name },
    },
  }
}

export const EXAMPLES = [
  'text-customer',
  'call-transcript',
  'conversation-branch',
  'inbound-text-reply',
] as const

export const readExample = (name: (typeof EXAMPLES)[number]): WorkflowFile =>
  JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'))

/**
 * What a field can reference: the outputs of the blocks upstream of it, for the operation each
 * one has selected, with nested fields spelled as paths (`agentphone1.data.0.id`).
 */
import { agentphoneTools } from '../../../tools/index.js'
import { TRIGGER_REGISTRY } from '../../../triggers/registry.js'
import type { BlockConfig } from './config.js'
import {
  type BlockState,
  type Registry,
  referenceNameOf,
  upstreamOf,
  valuesOf,
  type WorkflowDocument,
} from './workflow.js'

interface OutputLike {
  type: string
  description?: string
  properties?: Record<string, OutputLike>
  items?: { type: string; properties?: Record<string, OutputLike> }
}

export interface ReferenceOption {
  /** What goes between the angle brackets, e.g. `start.phone`. */
  path: string
  type: string
  description?: string
  blockName: string
}

const toolsById = agentphoneTools as unknown as Record<
  string,
  { outputs?: Record<string, OutputLike> }
>

/** A trigger's outputs (`{type, description}` leaves, nested objects) as output properties. */
function triggerOutputs(outputs: Record<string, unknown>): Record<string, OutputLike> {
  const properties: Record<string, OutputLike> = {}
  for (const [key, output] of Object.entries(outputs)) {
    if (!output || typeof output !== 'object') continue
    const { type, description } = output as { type?: unknown; description?: unknown }
    properties[key] =
      typeof type === 'string'
        ? { type, description: typeof description === 'string' ? description : undefined }
        : { type: 'json', properties: triggerOutputs(output as Record<string, unknown>) }
  }
  return properties
}

/**
 * The outputs a block gives for its current values: in trigger mode its trigger's, else the
 * selected tool's, else the block's own.
 */
export function outputsFor(config: BlockConfig, block: BlockState): Record<string, OutputLike> {
  const values = valuesOf(block)
  if (block.triggerMode) {
    const trigger = TRIGGER_REGISTRY[String(values.selectedTriggerId ?? '')]
    return trigger ? triggerOutputs(trigger.outputs as Record<string, unknown>) : {}
  }
  const fromFields: Record<string, OutputLike> = {}
  // A field listing named inputs (Sim's Start block `inputFormat`) defines outputs of those names.
  for (const subBlock of config.subBlocks) {
    if ((subBlock.type as string) !== 'input-format') continue
    for (const row of rowsOf(values[subBlock.id])) {
      if (typeof row.name === 'string' && row.name.trim() !== '') {
        fromFields[row.name.trim()] = { type: String(row.type ?? 'string') }
      }
    }
  }
  let toolOutputs: Record<string, OutputLike> | undefined
  try {
    const toolId = config.tools?.config?.tool(values)
    toolOutputs = toolId ? toolsById[toolId]?.outputs : undefined
  } catch {
    // No operation chosen yet: offer what the block declares.
  }
  return { ...fromFields, ...(toolOutputs ?? (config.outputs as Record<string, OutputLike>)) }
}

export function rowsOf(value: unknown): Array<Record<string, unknown>> {
  let list = value
  if (typeof value === 'string') {
    try {
      list = JSON.parse(value)
    } catch {
      return []
    }
  }
  return Array.isArray(list) ? list.filter((row) => row && typeof row === 'object') : []
}

function flatten(
  outputs: Record<string, OutputLike>,
  prefix: string,
  blockName: string,
  into: ReferenceOption[],
  depth: number
) {
  for (const [key, output] of Object.entries(outputs)) {
    const path = `${prefix}.${key}`
    into.push({ path, type: output.type, description: output.description, blockName })
    if (depth > 4) continue
    if (output.properties) flatten(output.properties, path, blockName, into, depth + 1)
    if (output.items?.properties) {
      flatten(output.items.properties, `${path}.0`, blockName, into, depth + 1)
    }
  }
}

/** Every reference a field of block `id` can use, nearest blocks first. */
export function referenceOptions(
  doc: WorkflowDocument,
  registry: Registry,
  id: string
): ReferenceOption[] {
  const options: ReferenceOption[] = []
  for (const upstreamId of upstreamOf(doc, id)) {
    const block = doc.state.blocks[upstreamId]
    const config = block && registry[block.type]
    if (!block || !config) continue
    flatten(outputsFor(config, block), referenceNameOf(block.name), block.name, options, 0)
  }
  return options
}

/** The `<partial` being typed just before the caret, if any. */
export function openReference(
  text: string,
  caret: number
): { start: number; query: string } | null {
  const before = text.slice(0, caret)
  const match = /<([\w.[\]]*)$/.exec(before)
  if (!match) return null
  return { start: match.index, query: match[1] ?? '' }
}

/** Replaces the `<partial` before the caret with a whole reference. */
export function insertReference(text: string, caret: number, path: string) {
  const open = openReference(text, caret)
  const start = open ? open.start : caret
  const inserted = `<${path}>`
  return {
    text: text.slice(0, start) + inserted + text.slice(caret),
    caret: start + inserted.length,
  }
}

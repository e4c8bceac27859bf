/**
 * A trigger's outputs as a tool's output schema: a node with a `type` is a field, one without is
 * a group whose other keys are its fields (an `object` with `properties`), as Sim's docs generator
 * reads them. The docs page and the workflow runtime (which checks references against it) both
 * use it. Not exported to Sim.
 */
import type { OutputProperty, OutputType } from '@/tools/types'
import type { TriggerOutput } from '@/triggers/types'

const OUTPUT_TYPES = new Set<string>(['string', 'number', 'boolean', 'json', 'array', 'object'])

/** A declared type as a tool output's; anything else reads as JSON. */
const outputType = (type: string): OutputType =>
  OUTPUT_TYPES.has(type) ? (type as OutputType) : 'json'

const RESERVED_KEYS = new Set(['type', 'description', 'condition', 'properties', 'items'])

export function triggerOutputSchema(
  outputs: Record<string, unknown>
): Record<string, OutputProperty> {
  const schema: Record<string, OutputProperty> = {}
  for (const [key, value] of Object.entries(outputs)) {
    if (key === 'condition' || typeof value !== 'object' || value === null) continue
    const node = value as TriggerOutput
    const children = Object.fromEntries(
      Object.entries(node).filter(
        ([child, nested]) =>
          !RESERVED_KEYS.has(child) && typeof nested === 'object' && nested !== null
      )
    )
    const description = typeof node.description === 'string' ? node.description : ''
    const hasChildren = Object.keys(children).length > 0
    schema[key] = {
      type: typeof node.type === 'string' ? outputType(node.type) : 'object',
      description,
      ...(hasChildren || typeof node.type !== 'string'
        ? { properties: triggerOutputSchema(children) }
        : {}),
    }
  }
  return schema
}

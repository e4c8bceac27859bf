/**
 * Whether a path names a declared output (Sim's `isPathInSchema`): a field a block declares but
 * did not return reads as empty; a field it does not declare is an error listing those it has.
 */
import type { OutputFieldDefinition } from '../blocks/index.js'
import type { OutputProperty } from '../tools/index.js'

/** A tool's outputs, or a block's (where a bare type name stands for `{type}`). */
export type OutputSchema = Record<string, OutputProperty | OutputFieldDefinition>

interface Node {
  type?: string
  properties?: OutputSchema
  items?: { type: string; properties?: OutputSchema }
}

const nodeOf = (entry: OutputSchema[string] | undefined): Node | undefined =>
  typeof entry === 'string' ? { type: entry } : entry

const isOpaque = (node: Node) =>
  (node.type === 'json' || node.type === 'object' || node.type === 'any') &&
  node.properties === undefined

function field(node: Node, name: string): Node | undefined {
  const properties = node.properties ?? (node.type === 'array' ? node.items?.properties : undefined)
  return properties && Object.hasOwn(properties, name) ? nodeOf(properties[name]) : undefined
}

export function isPathInSchema(schema: OutputSchema, parts: string[]): boolean {
  let node: Node | undefined = { properties: schema }
  for (const part of parts) {
    if (!node) return false
    if (isOpaque(node)) return true
    if (/^\d+$/.test(part)) {
      // An index steps into a list's items; a list without declared items accepts anything.
      if (node.type === 'array') {
        if (!node.items) return true
        node = node.items
      }
      continue
    }
    node = field(node, part)
  }
  return node !== undefined
}

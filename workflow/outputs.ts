/**
 * Whether a path names a declared output (Sim's `isPathInSchema`): a field a block declares but
 * did not return reads as empty; a field it does not declare is an error listing those it has.
 */
import type { OutputProperty } from '../tools/index.js'

export type OutputSchema = Record<string, OutputProperty>

interface Node {
  type?: string
  properties?: OutputSchema
  items?: { type: string; properties?: OutputSchema }
}

const isOpaque = (node: Node) =>
  (node.type === 'json' || node.type === 'object') && node.properties === undefined

function field(node: Node, name: string): Node | undefined {
  const properties = node.properties ?? (node.type === 'array' ? node.items?.properties : undefined)
  return properties && Object.hasOwn(properties, name) ? properties[name] : undefined
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

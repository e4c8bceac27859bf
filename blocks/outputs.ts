/**
 * A block's outputs are the union of its tools' outputs. Merge rule, applied at every level
 * (top-level keys, array items, object properties):
 *   - type: the type the tools agree on; if they disagree, `json`;
 *   - description: the tools' description if they all agree; otherwise each distinct description
 *     prefixed with the operations that use it, in the dropdown's order:
 *     "Create Number: Unique phone number ID; Create Call: Unique call identifier; …";
 *   - keys appear in the order they are first met, walking the tools in the dropdown's order.
 */
import type { OutputProperty, OutputType } from '../tools/types.js'

/** One source of outputs (a tool), named as the editor names its operation. */
export interface LabelledOutputs {
  label: string
  outputs: Record<string, OutputProperty>
}

interface Described {
  label: string
  description: string
}

/** One description, or each distinct one after the labels of the sources that give it. */
export function mergeDescriptions(described: Described[]): string {
  const labelsByDescription = new Map<string, string[]>()
  for (const { label, description } of described) {
    const labels = labelsByDescription.get(description) ?? []
    if (!labels.includes(label)) labels.push(label)
    labelsByDescription.set(description, labels)
  }
  if (labelsByDescription.size === 1) return [...labelsByDescription.keys()][0] ?? ''
  return [...labelsByDescription]
    .map(([description, labels]) => `${labels.join(', ')}: ${description}`)
    .join('; ')
}

const commonType = (types: OutputType[]): OutputType =>
  types.every((type) => type === types[0]) ? (types[0] ?? 'json') : 'json'

function mergeProperty(sources: Array<{ label: string; property: OutputProperty }>) {
  const merged: OutputProperty = {
    type: commonType(sources.map(({ property }) => property.type)),
    description: mergeDescriptions(
      sources.map(({ label, property }) => ({ label, description: property.description }))
    ),
  }
  const withItems = sources.flatMap(({ label, property }) =>
    property.items ? [{ label, items: property.items }] : []
  )
  if (withItems.length > 0) {
    const itemProperties = withItems.flatMap(({ label, items }) =>
      items.properties ? [{ label, outputs: items.properties }] : []
    )
    merged.items = {
      type: commonType(withItems.map(({ items }) => items.type)),
      ...(itemProperties.length > 0 ? { properties: mergeOutputs(itemProperties) } : {}),
    }
  }
  const withProperties = sources.flatMap(({ label, property }) =>
    property.properties ? [{ label, outputs: property.properties }] : []
  )
  if (withProperties.length > 0) merged.properties = mergeOutputs(withProperties)
  return merged
}

export function mergeOutputs(sources: LabelledOutputs[]): Record<string, OutputProperty> {
  const byKey = new Map<string, Array<{ label: string; property: OutputProperty }>>()
  for (const { label, outputs } of sources) {
    for (const [key, property] of Object.entries(outputs)) {
      byKey.set(key, [...(byKey.get(key) ?? []), { label, property }])
    }
  }
  return Object.fromEntries([...byKey].map(([key, found]) => [key, mergeProperty(found)]))
}

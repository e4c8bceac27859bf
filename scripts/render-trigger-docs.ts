/**
 * The "Triggers" section of the integration page, in the format Sim's own generator writes it
 * (`buildTriggersSection` in Sim's `scripts/generate-docs.ts`): triggers by name, each with its
 * description, a Configuration table of the fields a user fills in, and an Output table. Pure.
 */
import type { TriggerConfig, TriggerOutput } from '@/triggers/types'
import { type DocsOutput, escapeCell, escapeProse, outputRows } from './render-docs'

/** Fields for the operator, not configuration (as Sim's generator leaves them out). */
const UI_ONLY_IDS = new Set(['webhookUrlDisplay', 'triggerInstructions', 'selectedTriggerId'])

/** Sim's docs show a field's data type, not its widget. */
const SEMANTIC_TYPES: Record<string, string> = {
  'short-input': 'string',
  'long-input': 'string',
  dropdown: 'string',
  switch: 'boolean',
  slider: 'number',
  'oauth-input': 'string',
  code: 'string',
  'file-upload': 'string',
  text: 'string',
}

const RESERVED_OUTPUT_KEYS = new Set(['type', 'description', 'condition', 'properties', 'items'])

/**
 * A `TriggerOutput` tree as the page's output table reads it: a node with a `type` is a field,
 * one without is a group whose other keys are its fields (an `object` with `properties`).
 */
function docsOutputs(outputs: Record<string, unknown>): Record<string, DocsOutput> {
  const result: Record<string, DocsOutput> = {}
  for (const [key, value] of Object.entries(outputs)) {
    if (key === 'condition' || typeof value !== 'object' || value === null) continue
    const node = value as TriggerOutput
    const children = Object.fromEntries(
      Object.entries(node).filter(
        ([child, nested]) =>
          !RESERVED_OUTPUT_KEYS.has(child) && typeof nested === 'object' && nested !== null
      )
    )
    const description = typeof node.description === 'string' ? node.description : ''
    if (typeof node.type !== 'string') {
      result[key] = { type: 'object', description, properties: docsOutputs(children) }
    } else {
      result[key] = {
        type: node.type,
        description,
        ...(Object.keys(children).length > 0 ? { properties: docsOutputs(children) } : {}),
      }
    }
  }
  return result
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |\n`

function renderTrigger(trigger: TriggerConfig): string {
  const fields = trigger.subBlocks.filter(
    (subBlock) =>
      !UI_ONLY_IDS.has(subBlock.id) && subBlock.type !== 'text' && subBlock.readOnly !== true
  )
  const configuration = fields.length
    ? [
        '#### Configuration\n\n',
        row(['Parameter', 'Type', 'Required', 'Description']),
        row(['---------', '----', '--------', '-----------']),
        ...fields.map((field) =>
          row([
            `\`${field.id}\``,
            SEMANTIC_TYPES[field.type] ?? field.type,
            field.required === true ? 'Yes' : 'No',
            escapeCell(field.description ?? field.title ?? field.placeholder ?? ''),
          ])
        ),
        '\n',
      ].join('')
    : ''
  const outputs = docsOutputs(trigger.outputs)
  const output = Object.keys(outputs).length
    ? `#### Output\n\n${row(['Parameter', 'Type', 'Description'])}${row(['---------', '----', '-----------'])}${outputRows(outputs)}\n`
    : ''
  return `### ${trigger.name}\n\n${escapeProse(trigger.description)}\n\n${configuration}${output}`
}

/** The section, or nothing when the block has no triggers. */
export function renderTriggersSection(triggers: TriggerConfig[]): string {
  if (triggers.length === 0) return ''
  const sorted = [...triggers].sort((a, b) => a.name.localeCompare(b.name))
  return `## Triggers

A **Trigger** is a block that starts a workflow when an event happens in this service.

${sorted.map(renderTrigger).join('\n---\n\n')}`
}

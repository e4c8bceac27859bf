/**
 * The "Triggers" section of the integration page, in the format Sim's own generator writes it
 * (`buildTriggersSection` in Sim's `scripts/generate-docs.ts`): triggers by name, each with its
 * description, a Configuration table of the fields a user fills in, and an Output table. Pure.
 */
import { triggerOutputSchema } from '@/triggers/output-schema'
import type { TriggerConfig } from '@/triggers/types'
import { escapeCell, escapeProse, outputRows } from './render-docs'

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
  const outputs = triggerOutputSchema(trigger.outputs)
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

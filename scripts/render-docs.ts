/**
 * Renders the integration's docs page from the block and its tools, byte for byte in the format
 * Sim's own generator (`scripts/generate-docs.ts` in Sim) writes for an integration page:
 * unquoted frontmatter, the `BlockInfoCard`, the hand-written intro between the MANUAL-CONTENT
 * markers, "Usage Instructions", then "Actions": one section per tool in `tools.access` order,
 * headed by the tool's name, with its description and its Input and Output tables. Pure: the same
 * definitions always give the same bytes.
 */
import type { BlockConfig } from '@/blocks/types'
import { TRIGGER_REGISTRY } from '@/triggers/registry'
import { renderTriggersSection } from './render-trigger-docs'

export const INTRO_START = '{/* MANUAL-CONTENT-START:intro */}'
export const INTRO_END = '{/* MANUAL-CONTENT-END */}'

/** Used only when there is no page yet to carry the hand-written intro over from. */
export const DEFAULT_INTRO = 'Describe the integration here; the generator keeps this text.'

/** What the page shows of a tool: the parts of Sim's `ToolConfig` it reads. */
export interface DocsTool {
  id: string
  name: string
  description: string
  params: Record<string, { type: string; required?: boolean; description?: string }>
  outputs?: Record<string, DocsOutput>
}

export interface DocsOutput {
  type: string
  description?: string
  items?: { properties?: Record<string, DocsOutput> }
  properties?: Record<string, DocsOutput>
}

/** The hand-written intro of an existing page, if it has one. */
export function extractIntro(page: string): string | undefined {
  const start = page.indexOf(INTRO_START)
  const end = page.indexOf(INTRO_END, start)
  if (start === -1 || end === -1) return undefined
  return page.slice(start + INTRO_START.length, end).trim()
}

/** Escapes prose (a tool's description) as Sim does: braces, and `<`/`>` as entities. */
export const escapeProse = (text: string) =>
  text
    .replace(/[{}]/g, (char) => `\\${char}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')

/** Escapes a table cell as Sim does: pipes, braces, parentheses, brackets; `<`/`>` as entities. */
export const escapeCell = (text: string) =>
  text
    .replace(/[|{}()[\]]/g, (char) => `\\${char}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')

/** Parameters a Sim page never lists (credentials and tool plumbing). */
const UNLISTED_PARAMS = new Set(['accessToken', 'params', 'tools'])

const row = (cells: string[]) => `| ${cells.join(' | ')} |\n`

export function outputRows(outputs: Record<string, DocsOutput>, depth = 0): string {
  const prefix = depth === 0 ? '' : `${'  '.repeat(depth)}↳ `
  return Object.entries(outputs)
    .map(([name, output]) => {
      const description = escapeCell(output.description || `${name} output from the tool`)
      const nested =
        output.type === 'array'
          ? output.items?.properties
          : output.type === 'object' || output.type === 'json'
            ? output.properties
            : undefined
      const line = row([`${prefix}\`${name}\``, output.type, description])
      return nested ? line + outputRows(nested, depth + 1) : line
    })
    .join('')
}

function renderAction(toolId: string, tool: DocsTool | undefined): string {
  if (!tool) throw new Error(`The block's tools.access lists ${toolId}, which is not a tool`)
  const params = Object.entries(tool.params).filter(([name]) => !UNLISTED_PARAMS.has(name))
  const outputs = tool.outputs ?? {}
  return [
    `### ${tool.name || toolId}\n\n`,
    tool.description ? `${escapeProse(tool.description)}\n\n` : '',
    '#### Input\n\n',
    row(['Parameter', 'Type', 'Required', 'Description']),
    row(['---------', '----', '--------', '-----------']),
    ...params.map(([name, param]) =>
      row([
        `\`${name}\``,
        param.type,
        param.required ? 'Yes' : 'No',
        param.description ? escapeCell(param.description) : 'No description',
      ])
    ),
    '\n#### Output\n\n',
    Object.keys(outputs).length > 0
      ? row(['Parameter', 'Type', 'Description']) +
        row(['---------', '----', '-----------']) +
        outputRows(outputs)
      : 'This tool does not produce any outputs.\n',
    '\n',
  ].join('')
}

export function renderDocs(options: {
  block: BlockConfig
  tools: Record<string, DocsTool>
  intro?: string
}): string {
  const { block, tools } = options
  const usage = block.longDescription ? `## Usage Instructions\n\n${block.longDescription}\n\n` : ''
  const actions = block.tools.access.length
    ? `## Actions\n\n${block.tools.access.map((id) => renderAction(id, tools[id])).join('')}`
    : ''
  const intro = (options.intro ?? DEFAULT_INTRO).trim()
  return (
    [
      '---',
      `title: ${block.name}`,
      `description: ${block.description}`,
      '---',
      '',
      'import { BlockInfoCard } from "@/components/ui/block-info-card"',
      '',
      '<BlockInfoCard ',
      `  type="${block.type}"`,
      `  color="${block.bgColor || '#F5F5F5'}"`,
      '/>',
      '',
      INTRO_START,
      intro,
      INTRO_END,
      '',
      '',
      `${usage}\n\n${actions}\n`,
    ].join('\n') + triggersOf(block)
  )
}

/** As Sim's generator appends it: the block's triggers, after its actions. */
function triggersOf(block: BlockConfig): string {
  if (!block.triggers?.enabled) return ''
  const triggers = block.triggers.available.map((id) => {
    const trigger = TRIGGER_REGISTRY[id]
    if (!trigger) throw new Error(`The block's triggers list ${id}, which is not a trigger`)
    return trigger
  })
  return `\n${renderTriggersSection(triggers)}`
}

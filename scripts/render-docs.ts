/**
 * Renders the integration's docs page (Sim's format) from the block and its tools. Pure: the same
 * definitions always give the same bytes. The intro between the MANUAL-CONTENT markers is written
 * by hand and carried over from the existing page.
 */
import { optionsOf } from '../blocks/conditions.js'
import type { BlockConfig } from '../blocks/types.js'
import type { AnyToolConfig, OutputProperty } from '../tools/types.js'

export const INTRO_START = '{/* MANUAL-CONTENT-START:intro */}'
export const INTRO_END = '{/* MANUAL-CONTENT-END */}'

/** Used only when there is no page yet to carry the hand-written intro over from. */
export const DEFAULT_INTRO = 'Describe the integration here; the generator keeps this text.'

/** The hand-written intro of an existing page, if it has one. */
export function extractIntro(page: string): string | undefined {
  const start = page.indexOf(INTRO_START)
  const end = page.indexOf(INTRO_END, start)
  if (start === -1 || end === -1) return undefined
  return page.slice(start + INTRO_START.length, end).trim()
}

/** Escapes text for an MDX table cell: pipes end cells, braces and `<` open JSX. */
export function escapeCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[{}<>]/g, (char) => `\\${char}`)
    .replace(/\r?\n/g, ' ')
}

/** Escapes text for an MDX paragraph: braces and `<` open JSX. */
const escapeProse = (text: string) => text.replace(/[{}<>]/g, (char) => `\\${char}`)

/** Quotes a YAML scalar. */
const yamlString = (text: string) => JSON.stringify(text)

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((h) => '-'.repeat(h.length)).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ]
}

function outputRows(outputs: Record<string, OutputProperty>, depth = 0): string[][] {
  const indent = depth === 0 ? '' : `${'  '.repeat(depth)}↳ `
  return Object.entries(outputs).flatMap(([name, output]) => {
    const nested = output.items?.properties ?? output.properties
    return [
      [`${indent}\`${name}\``, output.type, escapeCell(output.description)],
      ...(nested ? outputRows(nested, depth + 1) : []),
    ]
  })
}

export interface Operation {
  id: string
  label: string
  tool: AnyToolConfig
}

/** The block's operations in dropdown order, each with the tool it runs. */
export function operationsOf(
  block: BlockConfig,
  tools: Record<string, AnyToolConfig>
): Operation[] {
  const dropdown = block.subBlocks.find((subBlock) => subBlock.id === 'operation')
  if (!dropdown) throw new Error('The block has no operation dropdown')
  const options = optionsOf(dropdown)
  return options.map((option) => {
    const toolId = block.tools.config.tool({ operation: option.id })
    const tool = tools[toolId]
    if (!tool) throw new Error(`Operation ${option.id} maps to unknown tool ${toolId}`)
    return { id: option.id, label: option.label, tool }
  })
}

function renderOperation({ label, tool }: Operation): string[] {
  const inputs = Object.entries(tool.params).map(([name, param]) => [
    `\`${name}\``,
    param.type,
    param.required ? 'Yes' : 'No',
    escapeCell(param.description),
  ])
  return [
    `### ${escapeProse(label)}`,
    '',
    `Tool: \`${tool.id}\``,
    '',
    escapeProse(tool.description),
    '',
    '#### Input',
    '',
    ...table(['Parameter', 'Type', 'Required', 'Description'], inputs),
    '',
    '#### Output',
    '',
    ...table(['Parameter', 'Type', 'Description'], outputRows(tool.outputs)),
    '',
  ]
}

export function renderDocs(options: {
  block: BlockConfig
  tools: Record<string, AnyToolConfig>
  intro?: string
}): string {
  const { block } = options
  const lines = [
    '---',
    `title: ${yamlString(block.name)}`,
    `description: ${yamlString(block.description)}`,
    '---',
    '',
    'import { BlockInfoCard } from "@/components/ui/block-info-card"',
    '',
    `<BlockInfoCard type="${block.type}" color="${block.bgColor}" />`,
    '',
    INTRO_START,
    (options.intro ?? DEFAULT_INTRO).trim(),
    INTRO_END,
    '',
    '## Usage Instructions',
    '',
    escapeProse(block.longDescription ?? block.description),
    '',
    '## Tools',
    '',
    ...operationsOf(block, options.tools).flatMap(renderOperation),
  ]
  return `${lines.join('\n').trimEnd()}\n`
}

/**
 * Sim's generators read tool files as text (scripts/generate-docs.ts finds params, outputs and
 * names with regular expressions, following `*_OUTPUT_PROPERTIES` constants into the service's
 * `types.ts`). This test reads every tool file the same way, with the same patterns, and checks
 * that it finds each tool's id, name, description, every param and every output, nested items
 * included, exactly as the running tools declare them.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { agentphoneTools } from '../../tools/index.js'
import type { OutputProperty } from '../../tools/types.js'

const TOOLS_DIR = new URL('../../tools/agentphone/', import.meta.url)
const read = (file: string) => readFileSync(new URL(file, TOOLS_DIR), 'utf8')
const typesSource = read('types.ts')

/** The index one past the brace that closes the one at `open` (no string awareness, like Sim's). */
function matchingClose(content: string, open: number): number {
  let depth = 1
  let pos = open + 1
  while (pos < content.length && depth > 0) {
    if (content[pos] === '{') depth++
    else if (content[pos] === '}') depth--
    pos++
  }
  return depth === 0 ? pos : -1
}

const depthAt = (content: string, index: number) => {
  let depth = 0
  for (let i = 0; i < index; i++) {
    if (content[i] === '{') depth++
    else if (content[i] === '}') depth--
  }
  return depth
}

/** The first match at brace depth 0. */
function topLevel(content: string, pattern: RegExp): RegExpExecArray | null {
  const regex = new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`
  )
  for (let match = regex.exec(content); match; match = regex.exec(content)) {
    if (depthAt(content, match.index) === 0) return match
  }
  return null
}

const body = (content: string, open: number) =>
  content.slice(open + 1, matchingClose(content, open) - 1)

/** The tool's object literal: from the `export const … = {` before its `id:` to its closing brace. */
function toolBlock(source: string, toolId: string): string {
  const idMatch = new RegExp(`id:\\s*['"]${toolId}['"]`).exec(source)
  if (!idMatch) throw new Error(`no id: '${toolId}'`)
  const exportMatch = source
    .slice(0, idMatch.index)
    .match(/export\s+const\s+\w+[^=]*=\s*\{[\s\S]*$/)
  if (exportMatch?.index === undefined) throw new Error(`no export const before ${toolId}`)
  const open = exportMatch.index + exportMatch[0].length - 1
  return source.slice(open, matchingClose(source, open))
}

/** Name and description from the 600 characters after `id:`, cut at `params: {` (the catalog). */
function catalogEntry(source: string, toolId: string) {
  const idMatch = new RegExp(`\\bid\\s*:\\s*['"]${toolId}['"]`).exec(source)
  const window = source.slice(idMatch?.index ?? 0, (idMatch?.index ?? 0) + 600)
  const paramsAt = window.search(/\bparams\s*:\s*\{/)
  const head = paramsAt > 0 ? window.slice(0, paramsAt) : window
  const name = head.match(/\bname\s*:\s*(?:'([^']+)'|"([^"]+)"|`([^`]+)`)/)
  const description = head.match(/\bdescription\s*:\s*(?:'([^']{5,})'|"([^"]{5,})"|`([^`]{5,})`)/)
  return {
    name: name && (name[1] ?? name[2] ?? name[3]),
    description: description && (description[1] ?? description[2] ?? description[3]),
  }
}

interface FoundParam {
  type: string
  required: boolean
  description: string
}

/** The source of the module `symbol` is imported from, when it is an `@/tools/agentphone/…` one. */
function importedSource(source: string, symbol: string): string {
  const match = source.match(
    new RegExp(`import\\s*(?:type\\s*)?\\{[^}]*\\b${symbol}\\b[^}]*\\}\\s*from\\s*['"]([^'"]+)['"]`)
  )
  const module = match?.[1]?.match(/^@\/tools\/agentphone\/(\w+)$/)?.[1]
  return module ? read(`${module}.ts`) : ''
}

/** Replaces `...SYMBOL,` with the body of `const SYMBOL = {…}`, from this file or its import. */
function expandSpreads(content: string, source: string): string {
  return content.replace(/\.\.\.(\w+)\s*,?/g, (whole, symbol: string) => {
    const declaration = new RegExp(
      `(?:export\\s+)?const\\s+${symbol}(?=[^a-zA-Z0-9_])[^=]*=\\s*\\{`
    )
    for (const module of [source, importedSource(source, symbol)]) {
      const match = declaration.exec(module)
      if (match) return `${body(module, match.index + match[0].length - 1)},`
    }
    return whole
  })
}

function paramsOf(block: string, source: string): Record<string, FoundParam> {
  const match = block.match(
    /params\s*:\s*{([\s\S]*?)},?\s*(?:outputs|oauth|hosting|request|directExecution|postProcess|transformResponse)\s*:/
  )
  if (!match?.[1]) return {}
  const content = expandSpreads(match[1], source)
  const found: Record<string, FoundParam> = {}
  const paramRegex = /(\w+)\s*:\s*{/g
  for (let param = paramRegex.exec(content); param; param = paramRegex.exec(content)) {
    const open = param.index + param[0].length - 1
    const end = matchingClose(content, open)
    const text = content.slice(open + 1, end - 1)
    paramRegex.lastIndex = end
    const description =
      text.match(/description\s*:\s*'(.*?)'(?=\s*[,}])/s) ??
      text.match(/description\s*:\s*"(.*?)"(?=\s*[,}])/s) ??
      text.match(/description\s*:\s*`([^`]+)`/s)
    found[param[1] as string] = {
      type: text.match(/type\s*:\s*['"]([^'"]+)['"]/)?.[1] ?? 'string',
      required: text.match(/required\s*:\s*(true|false)/)?.[1] === 'true',
      description: description?.[1] ?? 'No description',
    }
  }
  return found
}

interface FoundOutput {
  type: string
  description: string
  items?: { type: string; properties?: Record<string, FoundOutput> }
  properties?: Record<string, FoundOutput>
}

/** `export const NAME = { … }` in types.ts, read as a map of fields. */
function resolveConst(name: string): Record<string, FoundOutput> {
  const match = new RegExp(`export\\s+const\\s+${name}\\s*(?::\\s*[^=]+)?\\s*=\\s*\\{`).exec(
    typesSource
  )
  if (!match) throw new Error(`${name} is not declared in tools/agentphone/types.ts`)
  return fieldsOf(body(typesSource, match.index + match[0].length - 1))
}

function fieldOf(text: string): FoundOutput {
  const type = topLevel(text, /type\s*:\s*['"]([^'"]+)['"]/)
  const description = topLevel(text, /description\s*:\s*('([^']*)'|"([^"]*)"|`([^`]*)`)/)
  const field: FoundOutput = {
    type: type?.[1] ?? 'unknown',
    description: description ? (description[2] ?? description[3] ?? description[4] ?? '') : '',
  }
  const items = topLevel(text, /items\s*:\s*{/)
  if (items) {
    const itemsText = body(text, items.index + items[0].length - 1)
    field.items = { type: itemsText.match(/type\s*:\s*['"]([^'"]+)['"]/)?.[1] ?? 'object' }
    const propertiesConst = itemsText.match(/properties\s*:\s*([A-Z][A-Z_0-9]+)/)
    const propertiesInline = topLevel(itemsText, /properties\s*:\s*{/)
    if (propertiesConst?.[1]) field.items.properties = resolveConst(propertiesConst[1])
    else if (propertiesInline) {
      field.items.properties = fieldsOf(
        body(itemsText, propertiesInline.index + propertiesInline[0].length - 1)
      )
    }
  }
  return field
}

/** The fields of an outputs object: `name: { … }`, `name: CONST.name` and `...CONST`. */
function fieldsOf(content: string): Record<string, FoundOutput> {
  const fields: Record<string, FoundOutput> = {}
  const entry = /(?:\.\.\.([A-Z][A-Z_0-9]+)|(\w+)\s*:\s*(?:([A-Z][A-Z_0-9]+)\.(\w+)|\{))/g
  for (let match = entry.exec(content); match; match = entry.exec(content)) {
    if (depthAt(content, match.index) !== 0) continue
    const [, spread, name, constName, property] = match
    if (spread) Object.assign(fields, resolveConst(spread))
    else if (name && constName && property) {
      const resolved = resolveConst(constName)[property]
      if (resolved) fields[name] = resolved
    } else if (name) {
      const open = match.index + match[0].length - 1
      fields[name] = fieldOf(body(content, open))
      entry.lastIndex = matchingClose(content, open)
    }
  }
  return fields
}

function outputsOf(block: string): Record<string, FoundOutput> {
  const constRef = block.match(/(?<![a-zA-Z_])outputs\s*:\s*([A-Z][A-Z_0-9]+)\s*(?:,|\}|$)/)
  if (constRef?.[1]) return resolveConst(constRef[1])
  const inline = block.search(/(?<![a-zA-Z_])outputs\s*:\s*{/)
  if (inline === -1) return {}
  return fieldsOf(body(block, block.indexOf('{', inline)))
}

/** What a text reader should find for a declared output. */
function expected(output: OutputProperty): FoundOutput {
  return {
    type: output.type,
    description: output.description,
    ...(output.items
      ? {
          items: {
            type: output.items.type,
            ...(output.items.properties
              ? { properties: expectedAll(output.items.properties) }
              : {}),
          },
        }
      : {}),
  }
}

const expectedAll = (outputs: Record<string, OutputProperty>) =>
  Object.fromEntries(Object.entries(outputs).map(([name, output]) => [name, expected(output)]))

const tools = Object.values(agentphoneTools)

it('every operation file in tools/agentphone/ is one of the 22 tools', () => {
  const helpers = ['index.ts', 'types.ts', 'params.ts', 'request.ts', 'response.ts', 'errors.ts']
  const files = readdirSync(TOOLS_DIR).filter((file) => !helpers.includes(file))
  expect(files.sort()).toEqual(
    tools.map((tool) => `${tool.id.replace('agentphone_', '')}.ts`).sort()
  )
})

describe.each(tools.map((tool) => [tool.id, tool] as const))('%s, read as text', (toolId, tool) => {
  const source = read(`${toolId.replace('agentphone_', '')}.ts`)
  const block = toolBlock(source, toolId)

  it('exports it as a literal agentphone<Operation>Tool', () => {
    const operation = toolId
      .replace('agentphone_', '')
      .replace(/(^|_)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())
    expect(source).toMatch(new RegExp(`export const agentphone${operation}Tool: ToolConfig<`))
  })

  it('gives the catalog its name and description', () => {
    expect(catalogEntry(source, toolId)).toEqual({ name: tool.name, description: tool.description })
  })

  it('shows every param with its type, required flag and description', () => {
    const declared = Object.fromEntries(
      Object.entries(tool.params).map(([name, param]) => [
        name,
        { type: param.type, required: param.required, description: param.description },
      ])
    )
    expect(paramsOf(block, source)).toEqual(declared)
  })

  it('shows every output, nested items included', () => {
    expect(outputsOf(block)).toEqual(expectedAll(tool.outputs))
  })
})

/**
 * Flags invalid field values before a run, the way the runtime would refuse them: the block's own
 * param mapping (numbers, JSON) and then the tool's validation (E.164 numbers, enums, ranges),
 * asked through `executeTool` with a transport that never sends. Fields holding references or
 * `{{ENV}}` values are only known at run time and are left alone.
 */
import { isBlank } from '../../../tools/agentphone/params.js'
import { executeTool } from '../../../tools/index.js'
import {
  type BlockConfig,
  type BlockValues,
  type EditorSubBlock,
  subBlocksOf,
  titleOf,
} from './config.js'

export interface BlockProblems {
  /** Field id → what is wrong with its value. */
  fields: Record<string, string>
  /** Problems that belong to no single field. */
  block: string[]
}

const REFERENCE = /<[A-Za-z_][\w]*(?:[.[][^<>\s]*)?>|\{\{[^}]+\}\}/

export const holdsReference = (value: unknown) => typeof value === 'string' && REFERENCE.test(value)

const SELECTOR_TYPES = new Set(['dropdown', 'combobox', 'switch', 'checkbox-list', 'slider'])

class NotSent extends Error {}

/** JSON that may hold unquoted references, as Sim's JSON fields allow. */
export function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text.replace(/<[^<>\s]+>/g, 'null').replace(/\{\{[^}]+\}\}/g, '""'))
    return null
  } catch (error) {
    return `must be valid JSON: ${(error as Error).message}`
  }
}

/** As Sim does: the block's `tools.config.params` mapping, else the values themselves. */
function paramsOrError(config: BlockConfig, values: BlockValues) {
  try {
    return { params: config.tools.config?.params?.(values) ?? { ...values } }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

export async function validateBlock(
  config: BlockConfig,
  values: BlockValues
): Promise<BlockProblems> {
  const problems: BlockProblems = { fields: {}, block: [] }
  const subBlocks = subBlocksOf(config)
  const literal = (subBlock: EditorSubBlock) =>
    !isBlank(values[subBlock.id]) && !holdsReference(values[subBlock.id])

  for (const subBlock of subBlocks) {
    const value = values[subBlock.id]
    if (subBlock.type === 'code' && subBlock.language === 'json' && typeof value === 'string') {
      const problem = value.trim() === '' ? null : jsonProblem(value)
      if (problem) problems.fields[subBlock.id] = `${titleOf(subBlock)} ${problem}`
    }
  }
  if (!config.tools?.config) return problems

  // Selectors stay as they are; every other field is judged alone, then all together.
  const base: BlockValues = {}
  for (const subBlock of subBlocks) {
    if (SELECTOR_TYPES.has(subBlock.type)) base[subBlock.id] = values[subBlock.id]
  }
  const baseParams = paramsOrError(config, base)
  if (!baseParams.params) return problems
  const paramToField = new Map<string, EditorSubBlock>()
  const judged: BlockValues = { ...base }
  for (const subBlock of subBlocks) {
    if (SELECTOR_TYPES.has(subBlock.type) || !literal(subBlock)) continue
    const alone = paramsOrError(config, { ...base, [subBlock.id]: values[subBlock.id] })
    if (alone.error) {
      problems.fields[subBlock.id] = alone.error
      continue
    }
    judged[subBlock.id] = values[subBlock.id]
    for (const param of Object.keys(alone.params ?? {})) {
      if (!(param in baseParams.params)) paramToField.set(param, subBlock)
    }
  }

  const { params, error } = paramsOrError(config, judged)
  if (!params) {
    problems.block.push(error as string)
    return problems
  }
  const toolId = config.tools.config.tool(values)
  const refuse = async () => {
    throw new NotSent('not sent')
  }
  const result = await executeTool(toolId, params, { fetch: refuse, retries: 0 })
  const message = result.error ?? ''
  if (result.success || !message.startsWith('Invalid parameters')) return problems
  for (const issue of message.replace(/^Invalid parameters for [^:]+:\s*/, '').split('; ')) {
    const param = /^[A-Za-z_]\w*/.exec(issue)?.[0] ?? ''
    const field = paramToField.get(param)
    if (field) {
      const title = field.title ?? field.id
      problems.fields[field.id] ??= `${title}${issue.slice(param.length)}`
    }
    // Anything else is a field that is blank or holds a reference: required markers and the
    // run itself deal with those.
  }
  return problems
}

export const hasProblems = (problems: BlockProblems) =>
  problems.block.length > 0 || Object.keys(problems.fields).length > 0

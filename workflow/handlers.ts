/**
 * What each block type does when it runs. A handler gets the block's field values with their
 * references resolved (except the fields it resolves itself) and returns the block's output, or
 * throws an Error whose message becomes the block's error.
 */
import { AgentPhoneBlock, isTriggerField, runBlock } from '../blocks/index.js'
import { agentphoneTools, type ExecuteOptions } from '../tools/index.js'
import { triggerOutputSchema } from '../triggers/output-schema'
import { TRIGGER_REGISTRY } from '../triggers/registry'
import { ConditionBlock, ResponseBlock } from './blocks/index.js'
import { branchesOf, CONDITION_HANDLE_PREFIX, isElse } from './conditions.js'
import { evaluateExpression } from './expression.js'
import type { OutputSchema } from './outputs.js'
import { resolveJsonText, type TokenResolver } from './references.js'
import type { BlockState, WorkflowEdge } from './schema.js'

export type BlockOutput = Record<string, unknown>

export interface BlockRunContext {
  block: BlockState
  /** Field values by id, references resolved (fields in `rawFields` as stored). */
  values: Record<string, unknown>
  resolve: TokenResolver
  /** The run's input. */
  input: unknown
  execute: Pick<ExecuteOptions, 'baseUrl' | 'fetch' | 'signal'>
  outgoing: WorkflowEdge[]
  blocks: Record<string, BlockState>
}

export interface BlockHandler {
  /** Fields whose references the handler resolves itself. */
  rawFields?: string[]
  run(context: BlockRunContext): Promise<BlockOutput> | BlockOutput
  /** Whether the run goes on along this outgoing edge (default: every edge). */
  follows?(edge: WorkflowEdge, output: BlockOutput): boolean
  /** The outputs the block declares, to tell a missing field from an unknown one. */
  outputSchema?(block: BlockState): OutputSchema | undefined
}

/** A field's stored value (`subBlocks.<id>.value`). */
export const fieldOf = (block: BlockState, id: string) => block.subBlocks[id]?.value

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

interface InputField {
  name: string
  type?: string
  value?: unknown
}

function inputFormatOf(block: BlockState): InputField[] {
  const format = fieldOf(block, 'inputFormat')
  if (!Array.isArray(format)) return []
  return format.flatMap((field) =>
    isRecord(field) && typeof field.name === 'string' && field.name.trim()
      ? [{ name: field.name.trim(), type: field.type as string | undefined, value: field.value }]
      : []
  )
}

/** Sim's `coerceValue`: input text becomes the field's declared type when it reads as one. */
function coerce(type: string | undefined, value: unknown): unknown {
  if (value === undefined || value === null) return value
  switch (type) {
    case 'string':
      return typeof value === 'string' ? value : String(value)
    case 'number': {
      const parsed = typeof value === 'number' ? value : Number(value)
      return typeof value === 'string' && (value.trim() === '' || Number.isNaN(parsed))
        ? value
        : parsed
    }
    case 'boolean':
      if (value === 'true' || value === '1' || value === 1) return true
      if (value === 'false' || value === '0' || value === 0) return false
      return value
    case 'object':
    case 'array':
      if (typeof value !== 'string') return value
      try {
        return JSON.parse(value)
      } catch {
        return value
      }
    default:
      return value
  }
}

const INPUT_TYPES: Record<string, 'string' | 'number' | 'boolean' | 'json' | 'array'> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  object: 'json',
  array: 'array',
}

const startHandler: BlockHandler = {
  rawFields: ['inputFormat'],
  // Sim's unified Start output: each input field (from the run input, else its default), then
  // the rest of the run input as given.
  run({ block, input }) {
    const given = isRecord(input) ? input : {}
    const nested = isRecord(given.input) ? given.input : {}
    const output: BlockOutput = {}
    for (const field of inputFormatOf(block)) {
      const value = Object.hasOwn(nested, field.name)
        ? nested[field.name]
        : Object.hasOwn(given, field.name)
          ? given[field.name]
          : undefined
      output[field.name] = coerce(field.type, value ?? field.value)
    }
    for (const [key, value] of Object.entries(given)) {
      if (!Object.hasOwn(output, key)) output[key] = value
    }
    if (!isRecord(input) && input !== undefined) output.input = input
    return output
  },
  outputSchema(block) {
    const schema: OutputSchema = {
      input: { type: 'string', description: 'Run input' },
      conversationId: { type: 'string', description: 'Chat conversation id' },
      files: { type: 'array', description: 'Uploaded files' },
    }
    for (const field of inputFormatOf(block)) {
      schema[field.name] = {
        type: INPUT_TYPES[field.type ?? ''] ?? 'json',
        description: field.name,
      }
    }
    return schema
  },
}

/** The tool an AgentPhone block calls, from the block's own config. */
function agentphoneToolOf(block: BlockState) {
  const values = Object.fromEntries(
    Object.entries(block.subBlocks).map(([id, sb]) => [id, sb.value])
  )
  try {
    return agentphoneTools[AgentPhoneBlock.tools.config?.tool(values) ?? '']
  } catch {
    return undefined
  }
}

/** An AgentPhone block in trigger mode (Sim's `triggerMode`): it starts the run on an event. */
const isTrigger = (block: BlockState) => (block as { triggerMode?: unknown }).triggerMode === true

/** The trigger a trigger-mode block is set to (its `selectedTriggerId`, else the first). */
function triggerOf(block: BlockState) {
  const id = fieldOf(block, 'selectedTriggerId')
  return TRIGGER_REGISTRY[typeof id === 'string' && id ? id : 'agentphone_message_received']
}

const agentphoneHandler: BlockHandler = {
  // A trigger's fields are for registering its webhook, not for the run (and its setup
  // instructions are HTML, whose tags would read as references).
  rawFields: AgentPhoneBlock.subBlocks.filter(isTriggerField).map(({ id }) => id),
  async run({ block, values, execute, input }) {
    if (isTrigger(block)) {
      // Its output is the event AgentPhone delivered, as the webhook handler formatted it.
      if (!isRecord(input) || typeof input.event !== 'string') {
        throw new Error(
          `${block.name} runs on an AgentPhone event: activate the workflow, or run it with an event as its input`
        )
      }
      return input
    }
    const result = await runBlock(values, execute)
    if (!result.success) throw new Error(result.error ?? 'The AgentPhone call failed')
    return result.output
  },
  // The outputs of the operation's tool, read from the tool configs (no second copy); in
  // trigger mode, the trigger's.
  outputSchema: (block) => {
    if (!isTrigger(block)) return agentphoneToolOf(block)?.outputs
    const trigger = triggerOf(block)
    return trigger ? triggerOutputSchema(trigger.outputs) : undefined
  },
}

const conditionHandler: BlockHandler = {
  rawFields: ['conditions'],
  run({ block, resolve, outgoing, blocks }) {
    const branches = branchesOf(fieldOf(block, 'conditions'))
    // Sim: an else branch wins as soon as it is reached, so only the branches before it are tested.
    const elseIndex = branches.findIndex(isElse)
    const testable = elseIndex === -1 ? branches : branches.slice(0, elseIndex)
    const matched = testable.find((branch) => {
      try {
        return evaluateExpression(branch.value, resolve)
      } catch (error) {
        throw new Error(
          `Evaluation error in condition "${branch.title}": ${(error as Error).message}`
        )
      }
    })
    const selected = matched ?? (elseIndex === -1 ? undefined : branches[elseIndex])
    const edge = selected
      ? outgoing.find((e) => e.sourceHandle === `${CONDITION_HANDLE_PREFIX}${selected.id}`)
      : undefined
    const target = edge ? blocks[edge.target] : undefined
    return {
      conditionResult: selected !== undefined,
      selectedPath: target
        ? { blockId: target.id, blockType: target.type, blockTitle: target.name }
        : null,
      selectedOption: selected?.id ?? null,
    }
  },
  follows: (edge, output) =>
    output.selectedOption != null &&
    edge.sourceHandle === `${CONDITION_HANDLE_PREFIX}${output.selectedOption}`,
  outputSchema: () => ConditionBlock.outputs,
}

function statusOf(value: unknown): number {
  if (value === undefined || value === null || value === '') return 200
  const status = Number(value)
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    throw new Error(
      `Status Code must be a whole number from 100 to 599, got ${JSON.stringify(value)}`
    )
  }
  return status
}

/** Sim's header table: rows of `{cells: {Key, Value}}`, after `Content-Type: application/json`. */
function headersOf(value: unknown): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (!Array.isArray(value)) return headers
  for (const row of value) {
    const cells = isRecord(row) && isRecord(row.cells) ? row.cells : undefined
    if (cells && typeof cells.Key === 'string' && cells.Key && cells.Value != null) {
      headers[cells.Key] = String(cells.Value)
    }
  }
  return headers
}

const responseHandler: BlockHandler = {
  rawFields: ['data'],
  run({ block, values, resolve }) {
    const mode = values.dataMode ?? 'json'
    if (mode !== 'json') {
      throw new Error(
        `Response Data Mode "${String(mode)}" is not supported here; use Editor (json)`
      )
    }
    const raw = fieldOf(block, 'data')
    let data: unknown = {}
    if (typeof raw === 'string' && raw.trim() !== '') {
      const text = resolveJsonText(raw, resolve)
      try {
        data = JSON.parse(text)
      } catch (error) {
        throw new Error(`Response Data is not valid JSON: ${(error as Error).message}`)
      }
    } else if (raw !== undefined && raw !== null && raw !== '') {
      data = raw
    }
    return { data, status: statusOf(values.status), headers: headersOf(values.headers) }
  },
  outputSchema: () => ResponseBlock.outputs,
}

/** Handlers by block type. Trigger blocks added later register theirs here too. */
export const blockHandlers: Record<string, BlockHandler> = {
  start_trigger: startHandler,
  agentphone: agentphoneHandler,
  condition: conditionHandler,
  response: responseHandler,
}

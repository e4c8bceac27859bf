/**
 * How the AgentPhone block turns its field values into tool params, written once and used by the
 * block's `tools.config.params` (here and in a Sim checkout, where this file sits next to
 * `blocks/registry.ts`): which field feeds which param for each operation, and how a value typed
 * into the editor (mostly text) becomes a number, a JSON object or text.
 *
 * Field and operation ids are those of Sim's AgentPhone block, so a workflow saved there loads
 * unchanged.
 */
import type { SubBlockConfig } from '@/blocks/types'
import { isBlank, parseDecimal } from '@/tools/agentphone/params'

/**
 * For each operation, in the dropdown's order: block field id → tool param name. `apiKey`, which
 * every operation reads, is left out.
 */
export const FIELDS_BY_OPERATION = {
  create_number: { country: 'country', areaCode: 'areaCode', attachAgentId: 'agentId' },
  list_numbers: { limit: 'limit', offset: 'offset' },
  release_number: { numberId: 'numberId' },
  get_number_messages: {
    numberId: 'numberId',
    messagesLimit: 'limit',
    before: 'before',
    after: 'after',
  },
  create_call: {
    callAgentId: 'agentId',
    toNumberCall: 'toNumber',
    fromNumberId: 'fromNumberId',
    initialGreeting: 'initialGreeting',
    voice: 'voice',
    systemPrompt: 'systemPrompt',
  },
  list_calls: {
    limit: 'limit',
    offset: 'offset',
    callsStatus: 'status',
    callsDirection: 'direction',
    callsType: 'type',
    callsSearch: 'search',
  },
  get_call: { callId: 'callId', waitForCompletion: 'wait', waitTimeout: 'timeoutSeconds' },
  get_call_transcript: { callId: 'callId' },
  list_conversations: { limit: 'limit', offset: 'offset' },
  get_conversation: { conversationId: 'conversationId', messageLimit: 'messageLimit' },
  update_conversation: { conversationId: 'conversationId', metadata: 'metadata' },
  get_conversation_messages: {
    conversationId: 'conversationId',
    messagesLimit: 'limit',
    before: 'before',
    after: 'after',
  },
  send_message: {
    sendAgentId: 'agentId',
    toNumberMessage: 'toNumber',
    messageBody: 'body',
    mediaUrl: 'mediaUrl',
    sendNumberId: 'numberId',
  },
  react_to_message: { messageId: 'messageId', reaction: 'reaction' },
  create_contact: {
    contactPhoneNumber: 'phoneNumber',
    contactName: 'name',
    contactEmail: 'email',
    contactNotes: 'notes',
  },
  list_contacts: { contactsSearch: 'search', limit: 'limit', offset: 'offset' },
  get_contact: { contactId: 'contactId' },
  update_contact: {
    contactId: 'contactId',
    contactPhoneNumber: 'phoneNumber',
    contactName: 'name',
    contactEmail: 'email',
    contactNotes: 'notes',
  },
  delete_contact: { contactId: 'contactId' },
  get_usage: {},
  get_usage_daily: { usageDays: 'days' },
  get_usage_monthly: { usageMonths: 'months' },
} as const satisfies Record<string, Record<string, string>>

export type AgentPhoneOperation = keyof typeof FIELDS_BY_OPERATION

export const OPERATIONS = Object.keys(FIELDS_BY_OPERATION) as AgentPhoneOperation[]

/** Every field that feeds a tool param of some operation (all but `operation` and `apiKey`). */
export type OperationFieldId = {
  [O in AgentPhoneOperation]: keyof (typeof FIELDS_BY_OPERATION)[O]
}[AgentPhoneOperation]

/** Fields whose text is read as a number, and the one read as a JSON object; the rest are text. */
export const NUMBER_FIELDS: readonly OperationFieldId[] = [
  'limit',
  'offset',
  'messageLimit',
  'messagesLimit',
  'usageDays',
  'usageMonths',
  'waitTimeout',
]
export const JSON_FIELDS: readonly OperationFieldId[] = ['metadata']
/** Switches: on or off (a reference may give `"true"`/`"false"`). */
export const BOOLEAN_FIELDS: readonly OperationFieldId[] = ['waitForCompletion']

export const isOperation = (value: unknown): value is AgentPhoneOperation =>
  typeof value === 'string' && Object.hasOwn(FIELDS_BY_OPERATION, value)

/** The fields one operation reads, with the tool param each feeds (`apiKey` included). */
export const fieldsOf = (operation: AgentPhoneOperation): Record<string, string> => ({
  apiKey: 'apiKey',
  ...FIELDS_BY_OPERATION[operation],
})

/** The selected operation; throws a readable Error when none, or an unknown one, is selected. */
export function operationOf(values: Record<string, unknown>): AgentPhoneOperation {
  const { operation } = values
  if (isOperation(operation)) return operation
  const got =
    operation === undefined || operation === ''
      ? 'none'
      : typeof operation === 'string'
        ? JSON.stringify(operation)
        : `a ${operation === null ? 'null' : typeof operation} value`
  throw new Error(`Choose an AgentPhone operation (got ${got}); one of: ${OPERATIONS.join(', ')}`)
}

const MAX_SHOWN = 40

/**
 * What the user typed, quoted, for an error message. A long value is described, not cut short:
 * a cut-off secret would slip past redaction, which replaces whole secrets only.
 */
function shown(value: unknown): string {
  let text: string
  try {
    text = typeof value === 'string' ? value : String(JSON.stringify(value))
  } catch {
    // A BigInt, a cycle, a throwing toJSON: described by its type alone.
    return `a ${typeof value} value`
  }
  return text.length > MAX_SHOWN ? `a ${text.length}-character value` : JSON.stringify(text)
}

/** The parser's reason, without the excerpt of the input some engines quote in it. */
const jsonReason = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).replace(/, .* is not valid JSON$/s, '')

/** A blank field is not given; `' 25 '` is 25; anything else that is not a number is an error. */
export function toNumber(value: unknown, title: string): number | undefined {
  if (isBlank(value)) return undefined
  if (typeof value === 'number' && Number.isFinite(value)) return value
  const parsed = typeof value === 'string' ? parseDecimal(value) : undefined
  if (parsed !== undefined) return parsed
  throw new Error(`${title} must be a number, got ${shown(value)}`)
}

/**
 * A JSON object typed as text (or already an object). Blank means "no object": `null`, which a
 * tool that stores the object reads as "clear it".
 */
export function toJsonObject(value: unknown, title: string): Record<string, unknown> | null {
  if (isBlank(value)) return null
  let parsed = value
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value)
    } catch (error) {
      throw new Error(`${title} must be valid JSON: ${jsonReason(error)}`)
    }
  }
  if (parsed === null) return null
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${title} must be a JSON object, e.g. {"orderId": "ORD-123"}`)
  }
  return parsed as Record<string, unknown>
}

/** A switch: true or false (also as text); off or blank is not given. */
export function toFlag(value: unknown, title: string): true | undefined {
  if (isBlank(value) || value === false) return undefined
  if (value === true) return true
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined
  if (text === 'true') return true
  if (text === 'false') return undefined
  throw new Error(`${title} must be on or off (true or false), got ${shown(value)}`)
}

/** Text is passed as typed; a blank field is not given; a number from a reference becomes text. */
export function toText(value: unknown): unknown {
  if (isBlank(value)) return undefined
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return value
}

/**
 * The tool params for the selected operation: only that operation's fields are read, blank values
 * are left out, numbers are parsed, and metadata is parsed from JSON (blank meaning "clear it":
 * null). Throws an Error naming the field (by its title in `subBlocks`) for a value that cannot be
 * converted.
 */
export function toolParamsOf(
  values: Record<string, unknown>,
  subBlocks: readonly SubBlockConfig[]
): Record<string, unknown> {
  const titleOf = (fieldId: string) =>
    subBlocks.find((subBlock) => subBlock.id === fieldId)?.title ?? fieldId
  const params: Record<string, unknown> = {}
  for (const [fieldId, param] of Object.entries(fieldsOf(operationOf(values)))) {
    const value = values[fieldId]
    const field = fieldId as OperationFieldId
    const converted = NUMBER_FIELDS.includes(field)
      ? toNumber(value, titleOf(fieldId))
      : JSON_FIELDS.includes(field)
        ? toJsonObject(value, titleOf(fieldId))
        : BOOLEAN_FIELDS.includes(field)
          ? toFlag(value, titleOf(fieldId))
          : toText(value)
    if (converted !== undefined) params[param] = converted
  }
  return params
}

/**
 * The AgentPhone block: one operation dropdown over the 22 AgentPhone tools. Its subBlocks,
 * inputs, outputs and param mapping are derived from the field tables in `agentphone-fields.ts`
 * and from the tools themselves, so none of them can drift from what the tools take and give.
 */
import {
  CalendarDays,
  CalendarRange,
  Gauge,
  HeartPlus,
  Inbox,
  List,
  MessageSquare,
  MessageSquareText,
  MessagesSquare,
  NotebookPen,
  Phone,
  PhoneCall,
  PhoneLog,
  PhoneOff,
  PhoneOutgoing,
  ScrollText,
  Send,
  User,
  UserPen,
  UserPlus,
  Users,
  UserX,
} from 'lucide-react'
import { AgentPhoneIcon } from '../icons/agentphone.js'
import { agentphoneTools } from '../tools/registry.js'
import type { AnyToolConfig, ParamType } from '../tools/types.js'
import {
  type AgentPhoneOperation,
  FIELD_LOOKS,
  FIELDS_BY_OPERATION,
  type FieldLook,
  fieldsOf,
  isOperation,
  OPERATIONS,
  type OperationFieldId,
} from './agentphone-fields.js'
import { toParamValue } from './convert.js'
import { mergeDescriptions, mergeOutputs } from './outputs.js'
import {
  AuthMode,
  type BlockConfig,
  type BlockIcon,
  type BlockInput,
  type BlockValues,
  type FieldCondition,
  type SubBlockConfig,
} from './types.js'

export const toolIdOf = (operation: AgentPhoneOperation) => `agentphone_${operation}`

export function toolOf(operation: AgentPhoneOperation): AnyToolConfig {
  const tool = agentphoneTools[toolIdOf(operation)]
  if (!tool) throw new Error(`No AgentPhone tool for operation "${operation}"`)
  return tool
}

/** The dropdown labels of Sim's AgentPhone block (shorter than some tool names). */
const OPERATION_LABELS: Record<AgentPhoneOperation, string> = {
  create_number: 'Create Number',
  list_numbers: 'List Numbers',
  release_number: 'Release Number',
  get_number_messages: 'Get Number Messages',
  create_call: 'Create Call',
  list_calls: 'List Calls',
  get_call: 'Get Call',
  get_call_transcript: 'Get Call Transcript',
  list_conversations: 'List Conversations',
  get_conversation: 'Get Conversation',
  update_conversation: 'Update Conversation',
  get_conversation_messages: 'Get Conversation Messages',
  send_message: 'Send Message',
  react_to_message: 'React to Message',
  create_contact: 'Create Contact',
  list_contacts: 'List Contacts',
  get_contact: 'Get Contact',
  update_contact: 'Update Contact',
  delete_contact: 'Delete Contact',
  get_usage: 'Get Usage',
  get_usage_daily: 'Get Daily Usage',
  get_usage_monthly: 'Get Monthly Usage',
}

/** The dropdown label, e.g. "Send Message". */
export const labelOf = (operation: AgentPhoneOperation) => OPERATION_LABELS[operation]

const OPERATION_ICONS: Record<AgentPhoneOperation, BlockIcon> = {
  create_number: Phone,
  list_numbers: List,
  release_number: PhoneOff,
  get_number_messages: Inbox,
  create_call: PhoneOutgoing,
  list_calls: PhoneLog,
  get_call: PhoneCall,
  get_call_transcript: ScrollText,
  list_conversations: MessagesSquare,
  get_conversation: MessageSquare,
  update_conversation: NotebookPen,
  get_conversation_messages: MessageSquareText,
  send_message: Send,
  react_to_message: HeartPlus,
  create_contact: UserPlus,
  list_contacts: Users,
  get_contact: User,
  update_contact: UserPen,
  delete_contact: UserX,
  get_usage: Gauge,
  get_usage_daily: CalendarDays,
  get_usage_monthly: CalendarRange,
}

/** The operations that read a field, with the tool param it feeds in each. */
function usesOf(fieldId: OperationFieldId) {
  return OPERATIONS.flatMap((operation) => {
    const param = (FIELDS_BY_OPERATION[operation] as Record<string, string>)[fieldId]
    if (param === undefined) return []
    const tool = toolOf(operation)
    const spec = tool.params[param]
    // A mapping to a param the tool lacks would silently drop the field: fail at load instead.
    if (!spec) throw new Error(`${fieldId} maps to ${param}, which ${tool.id} does not take`)
    return [{ operation, param, spec }]
  })
}

const whenOperationIs = (operations: AgentPhoneOperation[]): FieldCondition => ({
  field: 'operation',
  value: operations.length === 1 ? (operations[0] as string) : operations,
})

/** Shown for the operations that read it; required for those whose tool requires its param. */
function subBlockOf(fieldId: OperationFieldId, look: FieldLook): SubBlockConfig {
  const uses = usesOf(fieldId)
  const requiredFor = uses.filter(({ spec }) => spec.required).map(({ operation }) => operation)
  return {
    id: fieldId,
    ...look,
    condition: whenOperationIs(uses.map(({ operation }) => operation)),
    ...(requiredFor.length > 0 ? { required: whenOperationIs(requiredFor) } : {}),
  }
}

const operationSubBlock: SubBlockConfig = {
  id: 'operation',
  title: 'Operation',
  type: 'dropdown',
  options: OPERATIONS.map((operation) => ({
    id: operation,
    label: labelOf(operation),
    icon: OPERATION_ICONS[operation],
  })),
  // Sim's default, so a saved workflow that never changed the dropdown reads the same.
  value: () => 'create_number',
}

const apiKeySubBlock: SubBlockConfig = {
  id: 'apiKey',
  title: 'API Key',
  type: 'short-input',
  placeholder: 'Your AgentPhone API key',
  password: true,
  required: true,
}

const subBlocks: SubBlockConfig[] = [
  operationSubBlock,
  apiKeySubBlock,
  ...Object.entries(FIELD_LOOKS).map(([fieldId, look]) =>
    subBlockOf(fieldId as OperationFieldId, look)
  ),
]

const titleOf = (fieldId: string) =>
  subBlocks.find((subBlock) => subBlock.id === fieldId)?.title ?? fieldId

/** Throws a readable Error when no known operation is selected. */
export function operationOf(values: BlockValues): AgentPhoneOperation {
  const { operation } = values
  if (isOperation(operation)) return operation
  const got = operation === undefined || operation === '' ? 'none' : JSON.stringify(operation)
  throw new Error(`Choose an AgentPhone operation (got ${got}); one of: ${OPERATIONS.join(', ')}`)
}

/**
 * The tool params for the selected operation: only that operation's fields are read; blank
 * values are left out; numbers are parsed; metadata is parsed from JSON, a blank one meaning
 * "clear it" (null). Throws an Error naming the field for a value that cannot be converted.
 */
export function paramsOf(values: BlockValues): Record<string, unknown> {
  const operation = operationOf(values)
  const tool = toolOf(operation)
  const params: Record<string, unknown> = {}
  for (const [fieldId, param] of Object.entries(fieldsOf(operation))) {
    const type: ParamType = tool.params[param]?.type ?? 'string'
    const value = toParamValue(values[fieldId], type, titleOf(fieldId))
    if (value !== undefined) params[param] = value
  }
  return params
}

/** What each field holds once converted, described as the tools describe the params it feeds. */
function inputsOf(): Record<string, BlockInput> {
  const apiKey = toolOf('get_usage').params.apiKey
  const inputs: Record<string, BlockInput> = {
    operation: { type: 'string', description: 'Operation to perform' },
    apiKey: { type: 'string', description: apiKey?.description ?? 'API key' },
  }
  for (const fieldId of Object.keys(FIELD_LOOKS) as OperationFieldId[]) {
    const uses = usesOf(fieldId)
    const types = new Set(uses.map(({ spec }) => spec.type))
    inputs[fieldId] = {
      type: types.size === 1 ? ([...types][0] as ParamType) : 'json',
      description: mergeDescriptions(
        uses.map(({ operation, spec }) => ({
          label: labelOf(operation),
          description: spec.description,
        }))
      ),
    }
  }
  return inputs
}

export const AgentPhoneBlock: BlockConfig = {
  type: 'agentphone',
  name: 'AgentPhone',
  description: 'Provision numbers, send SMS and iMessage, and place voice calls with AgentPhone',
  longDescription:
    'Give your workflow a phone. Provision SMS- and voice-enabled numbers, send messages and ' +
    'tapback reactions, place outbound voice calls, manage conversations and contacts, and track ' +
    'usage — all through a single AgentPhone API key.',
  docsLink: 'https://docs.sim.ai/integrations/agentphone',
  category: 'tools',
  bgColor: '#0B6E4F',
  icon: AgentPhoneIcon,
  authMode: AuthMode.ApiKey,
  subBlocks,
  tools: {
    access: OPERATIONS.map(toolIdOf),
    config: {
      tool: (values) => toolIdOf(operationOf(values)),
      params: paramsOf,
    },
  },
  inputs: inputsOf(),
  outputs: mergeOutputs(
    OPERATIONS.map((operation) => ({
      label: labelOf(operation),
      outputs: toolOf(operation).outputs,
    }))
  ),
}

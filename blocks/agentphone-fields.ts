/**
 * The AgentPhone block's fields, declared once: which block field feeds which tool param for each
 * operation, and how each field looks in the editor. The block's subBlocks (their conditions and
 * required flags), its inputs and its param mapping are all derived from these two tables.
 *
 * Field and operation ids are those of the AgentPhone block in Sim (`../shared/agentphone-api.md`,
 * "Compatibility with workflows saved in Sim"), so a workflow saved there loads unchanged.
 */
import { AGENTPHONE_REACTIONS as REACTIONS } from '../tools/agentphone/types.js'
import type { SubBlockConfig } from './types.js'

/**
 * For each operation, in the editor's order (numbers, calls, conversations, messages, contacts,
 * usage): block field id → tool param name. `apiKey`, which every operation takes, is left out.
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
  get_call: { callId: 'callId' },
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

type FieldsOf<O extends AgentPhoneOperation> = keyof (typeof FIELDS_BY_OPERATION)[O]
/** Every field that feeds a tool param of some operation. */
export type OperationFieldId = { [O in AgentPhoneOperation]: FieldsOf<O> }[AgentPhoneOperation]

export const OPERATIONS = Object.keys(FIELDS_BY_OPERATION) as AgentPhoneOperation[]

export const isOperation = (value: unknown): value is AgentPhoneOperation =>
  typeof value === 'string' && Object.hasOwn(FIELDS_BY_OPERATION, value)

/** The fields one operation reads, with the tool param each feeds (`apiKey` included). */
export const fieldsOf = (operation: AgentPhoneOperation): Record<string, string> => ({
  apiKey: 'apiKey',
  ...FIELDS_BY_OPERATION[operation],
})

/** How a field looks in the editor; its visibility and required flag are derived elsewhere. */
export type FieldLook = Pick<
  SubBlockConfig,
  'type' | 'placeholder' | 'options' | 'value' | 'password' | 'mode'
> & {
  /** Also names the field in error messages: "Limit must be a number". */
  title: string
}

const any = { id: '', label: 'Any' }
const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)
const E164 = '+14155551234'

/**
 * Every operation field, in the order the editor shows them. Advanced mode holds the optional
 * fields that override a default most workflows keep (caller ID, voice, system prompt, sender
 * number, recent-message count) and the paging/cursor/rare-filter fields (offset, before, after,
 * call type).
 */
export const FIELD_LOOKS = {
  // Numbers
  country: {
    title: 'Country',
    type: 'dropdown',
    options: [
      { id: 'US', label: 'United States (US)' },
      { id: 'CA', label: 'Canada (CA)' },
    ],
    value: () => 'US',
  },
  areaCode: {
    title: 'Area Code',
    type: 'short-input',
    placeholder: '415 (3 digits, US/CA; best effort)',
  },
  attachAgentId: {
    title: 'Attach to Agent ID',
    type: 'short-input',
    placeholder: 'agt_… (optional: the agent that answers this number)',
  },
  numberId: { title: 'Phone Number ID', type: 'short-input', placeholder: 'num_…' },

  // Calls
  callAgentId: {
    title: 'Agent ID',
    type: 'short-input',
    placeholder: 'agt_… (the agent that handles the call)',
  },
  toNumberCall: { title: 'To Phone Number', type: 'short-input', placeholder: `${E164} (E.164)` },
  fromNumberId: {
    title: 'Caller ID Number ID',
    type: 'short-input',
    placeholder: "num_… (defaults to the agent's first number)",
    mode: 'advanced',
  },
  initialGreeting: {
    title: 'Initial Greeting',
    type: 'long-input',
    placeholder: 'Hi, this is Ava from Acme, calling about your order.',
  },
  voice: {
    title: 'Voice',
    type: 'short-input',
    placeholder: "Voice ID (defaults to the agent's voice)",
    mode: 'advanced',
  },
  systemPrompt: {
    title: 'System Prompt',
    type: 'long-input',
    placeholder: 'You are a friendly assistant confirming appointments… (built-in LLM, no webhook)',
    mode: 'advanced',
  },
  callId: { title: 'Call ID', type: 'short-input', placeholder: 'call_…' },
  callsStatus: {
    title: 'Status',
    type: 'dropdown',
    options: [
      any,
      { id: 'completed', label: 'Completed' },
      { id: 'in-progress', label: 'In progress' },
      { id: 'failed', label: 'Failed' },
    ],
    value: () => '',
  },
  callsDirection: {
    title: 'Direction',
    type: 'dropdown',
    options: [any, { id: 'inbound', label: 'Inbound' }, { id: 'outbound', label: 'Outbound' }],
    value: () => '',
  },
  callsType: {
    title: 'Call Type',
    type: 'dropdown',
    options: [any, { id: 'pstn', label: 'Phone (PSTN)' }, { id: 'web', label: 'Web' }],
    value: () => '',
    mode: 'advanced',
  },
  callsSearch: {
    title: 'Search',
    type: 'short-input',
    placeholder: '+1415 (matches the from or to number)',
  },

  // Conversations
  conversationId: { title: 'Conversation ID', type: 'short-input', placeholder: 'conv_…' },
  messageLimit: {
    title: 'Recent Messages',
    type: 'short-input',
    placeholder: '50 (1-100)',
    mode: 'advanced',
  },
  metadata: {
    title: 'Metadata',
    type: 'long-input',
    placeholder: '{"stage": "qualified", "orderId": "ORD-123"} (JSON; leave empty to clear)',
  },

  // Messages
  sendAgentId: {
    title: 'Agent ID',
    type: 'short-input',
    placeholder: 'agt_… (the agent sending the message)',
  },
  toNumberMessage: {
    title: 'To Phone Number',
    type: 'short-input',
    placeholder: `${E164} (E.164)`,
  },
  messageBody: {
    title: 'Message',
    type: 'long-input',
    placeholder: 'Your appointment is confirmed for 3 PM tomorrow.',
  },
  mediaUrl: {
    title: 'Media URL',
    type: 'short-input',
    placeholder: 'https://example.com/photo.jpg (optional attachment)',
  },
  sendNumberId: {
    title: 'From Phone Number ID',
    type: 'short-input',
    placeholder: "num_… (defaults to the agent's first number)",
    mode: 'advanced',
  },
  messageId: { title: 'Message ID', type: 'short-input', placeholder: 'msg_…' },
  reaction: {
    title: 'Reaction',
    type: 'dropdown',
    options: REACTIONS.map((reaction) => ({ id: reaction, label: capitalized(reaction) })),
    value: () => 'love',
  },

  // Contacts
  contactPhoneNumber: {
    title: 'Phone Number',
    type: 'short-input',
    placeholder: `${E164} (E.164)`,
  },
  contactName: { title: 'Name', type: 'short-input', placeholder: 'Jane Doe' },
  contactEmail: { title: 'Email', type: 'short-input', placeholder: 'jane@example.com' },
  contactNotes: {
    title: 'Notes',
    type: 'long-input',
    placeholder: 'Prefers texts after 5 PM',
  },
  contactId: { title: 'Contact ID', type: 'short-input', placeholder: 'ct_…' },
  contactsSearch: {
    title: 'Search',
    type: 'short-input',
    placeholder: 'Part of a name or phone number',
  },

  // Paging, shared by the list operations and the two message pages
  limit: {
    title: 'Limit',
    type: 'short-input',
    placeholder: '20 (1-100; contacts default to 50)',
  },
  offset: {
    title: 'Offset',
    type: 'short-input',
    placeholder: '0 (results to skip)',
    mode: 'advanced',
  },
  messagesLimit: { title: 'Limit', type: 'short-input', placeholder: '50 (1-200)' },
  before: {
    title: 'Before',
    type: 'short-input',
    placeholder: '2026-01-31T09:00:00Z (ISO 8601)',
    mode: 'advanced',
  },
  after: {
    title: 'After',
    type: 'short-input',
    placeholder: '2026-01-01T00:00:00Z (ISO 8601)',
    mode: 'advanced',
  },

  // Usage
  usageDays: { title: 'Days', type: 'short-input', placeholder: '30 (1-365)' },
  usageMonths: { title: 'Months', type: 'short-input', placeholder: '6 (1-24)' },
} satisfies Record<OperationFieldId, FieldLook>

import type { OutputProperty, ToolConfig, ToolResponse } from '@/tools/types'

/**
 * The entities as the tools output them, and the params and results of each tool. Output fields
 * the API leaves out come back as null (lists as []), so every field is nullable.
 *
 * The `*_PARAMS` and `*_OUTPUT_PROPERTIES` constants are written out in full: Sim's docs generator
 * reads them from this file as text where a tool's `params` spreads them or its `outputs` names them.
 */

/** The param every tool takes first. */
export const AGENTPHONE_API_KEY_PARAMS = {
  apiKey: {
    type: 'string',
    required: true,
    visibility: 'user-only',
    description: 'AgentPhone API key',
  },
} satisfies ToolConfig['params']

/** The contact an operation acts on. */
export const AGENTPHONE_CONTACT_ID_PARAMS = {
  contactId: {
    type: 'string',
    required: true,
    visibility: 'user-or-llm',
    description: 'Contact ID',
  },
} satisfies ToolConfig['params']

/** The conversation an operation acts on. */
export const AGENTPHONE_CONVERSATION_ID_PARAMS = {
  conversationId: {
    type: 'string',
    required: true,
    visibility: 'user-or-llm',
    description: 'Conversation ID',
  },
} satisfies ToolConfig['params']

/** `limit`/`offset` of the limit-offset lists capped at 100. */
export const AGENTPHONE_PAGE_PARAMS = {
  limit: {
    type: 'number',
    required: false,
    visibility: 'user-or-llm',
    description: 'Number of results to return (default 20, max 100)',
  },
  offset: {
    type: 'number',
    required: false,
    visibility: 'user-or-llm',
    description: 'Number of results to skip (min 0)',
  },
} satisfies ToolConfig['params']

/** `limit`/`before`/`after` of a cursor-paged message list. */
export const AGENTPHONE_MESSAGE_CURSOR_PARAMS = {
  limit: {
    type: 'number',
    required: false,
    visibility: 'user-or-llm',
    description: 'Number of messages to return (default 50, max 200)',
  },
  before: {
    type: 'string',
    required: false,
    visibility: 'user-or-llm',
    description: 'Return messages received before this ISO 8601 timestamp',
  },
  after: {
    type: 'string',
    required: false,
    visibility: 'user-or-llm',
    description: 'Return messages received after this ISO 8601 timestamp',
  },
} satisfies ToolConfig['params']

export const AGENTPHONE_COUNTRIES = ['US', 'CA'] as const
export const AGENTPHONE_CALL_STATUSES = ['completed', 'in-progress', 'failed'] as const
export const AGENTPHONE_CALL_DIRECTIONS = ['inbound', 'outbound'] as const
export const AGENTPHONE_CALL_TYPES = ['pstn', 'web'] as const
export const AGENTPHONE_REACTIONS = [
  'love',
  'like',
  'dislike',
  'laugh',
  'emphasize',
  'question',
] as const

export type AgentPhoneCountry = (typeof AGENTPHONE_COUNTRIES)[number]
export type AgentPhoneCallStatus = (typeof AGENTPHONE_CALL_STATUSES)[number]
export type AgentPhoneCallDirection = (typeof AGENTPHONE_CALL_DIRECTIONS)[number]
export type AgentPhoneCallType = (typeof AGENTPHONE_CALL_TYPES)[number]
export type AgentPhoneReactionType = (typeof AGENTPHONE_REACTIONS)[number]

export const NUMBER_OUTPUT_PROPERTIES = {
  id: { type: 'string', description: 'Phone number ID' },
  phoneNumber: { type: 'string', description: 'Phone number in E.164 format' },
  country: { type: 'string', description: 'Two-letter country code' },
  status: { type: 'string', description: 'Number status' },
  type: { type: 'string', description: 'Number type (e.g. sms)' },
  agentId: { type: 'string', description: 'Attached agent ID' },
  createdAt: { type: 'string', description: 'ISO 8601 creation timestamp' },
} satisfies Record<string, OutputProperty>

/** Messages on a number keep the API's own `from_`/`to` names. */
export const NUMBER_MESSAGE_OUTPUT_PROPERTIES = {
  id: { type: 'string', description: 'Message ID' },
  from_: { type: 'string', description: 'Sender phone number (E.164)' },
  to: { type: 'string', description: 'Recipient phone number (E.164)' },
  body: { type: 'string', description: 'Message text' },
  direction: { type: 'string', description: 'inbound or outbound' },
  channel: { type: 'string', description: 'Channel (sms, mms, etc.)' },
  receivedAt: { type: 'string', description: 'ISO 8601 timestamp' },
} satisfies Record<string, OutputProperty>

export const CALL_OUTPUT_PROPERTIES = {
  id: { type: 'string', description: 'Call ID' },
  agentId: { type: 'string', description: 'Agent that handled the call' },
  phoneNumberId: { type: 'string', description: 'Phone number ID used for the call' },
  phoneNumber: { type: 'string', description: 'Phone number used for the call' },
  fromNumber: { type: 'string', description: 'Caller phone number' },
  toNumber: { type: 'string', description: 'Recipient phone number' },
  direction: { type: 'string', description: 'inbound or outbound' },
  status: { type: 'string', description: 'Call status' },
  startedAt: { type: 'string', description: 'ISO 8601 timestamp' },
  endedAt: { type: 'string', description: 'ISO 8601 timestamp' },
  durationSeconds: { type: 'number', description: 'Call duration in seconds' },
  lastTranscriptSnippet: { type: 'string', description: 'Last transcript snippet' },
  recordingUrl: { type: 'string', description: 'Recording audio URL' },
  recordingAvailable: { type: 'boolean', description: 'Whether a recording is available' },
} satisfies Record<string, OutputProperty>

export const TRANSCRIPT_TURN_OUTPUT_PROPERTIES = {
  id: { type: 'string', description: 'Transcript turn ID' },
  transcript: { type: 'string', description: 'User utterance' },
  confidence: { type: 'number', description: 'Speech recognition confidence' },
  response: { type: 'string', description: 'Agent response (when available)' },
  createdAt: { type: 'string', description: 'ISO 8601 timestamp' },
} satisfies Record<string, OutputProperty>

export const TRANSCRIPT_ENTRY_OUTPUT_PROPERTIES = {
  role: { type: 'string', description: 'Speaker role (user or agent)' },
  content: { type: 'string', description: 'Turn content' },
  createdAt: { type: 'string', description: 'ISO 8601 timestamp' },
} satisfies Record<string, OutputProperty>

export const CONVERSATION_OUTPUT_PROPERTIES = {
  id: { type: 'string', description: 'Conversation ID' },
  agentId: { type: 'string', description: 'Agent ID' },
  phoneNumberId: { type: 'string', description: 'Phone number ID' },
  phoneNumber: { type: 'string', description: 'Phone number' },
  participant: { type: 'string', description: 'External participant phone number' },
  lastMessageAt: { type: 'string', description: 'ISO 8601 timestamp' },
  lastMessagePreview: { type: 'string', description: 'Last message preview' },
  messageCount: { type: 'number', description: 'Number of messages in the conversation' },
  metadata: { type: 'json', description: 'Custom metadata stored on the conversation' },
  createdAt: { type: 'string', description: 'ISO 8601 timestamp' },
} satisfies Record<string, OutputProperty>

/** `mediaUrl` is the first attachment; `mediaUrls` holds them all. */
export const CONVERSATION_MESSAGE_OUTPUT_PROPERTIES = {
  id: { type: 'string', description: 'Message ID' },
  body: { type: 'string', description: 'Message text' },
  fromNumber: { type: 'string', description: 'Sender phone number' },
  toNumber: { type: 'string', description: 'Recipient phone number' },
  direction: { type: 'string', description: 'inbound or outbound' },
  channel: { type: 'string', description: 'sms, mms, or imessage' },
  mediaUrl: { type: 'string', description: 'Attached media URL' },
  mediaUrls: {
    type: 'array',
    description: 'All attached media URLs',
    items: { type: 'string' },
  },
  receivedAt: { type: 'string', description: 'ISO 8601 timestamp' },
} satisfies Record<string, OutputProperty>

export const CONTACT_OUTPUT_PROPERTIES = {
  id: { type: 'string', description: 'Contact ID' },
  phoneNumber: { type: 'string', description: 'Phone number in E.164 format' },
  name: { type: 'string', description: 'Contact name' },
  email: { type: 'string', description: 'Contact email address' },
  notes: { type: 'string', description: 'Freeform notes' },
  createdAt: { type: 'string', description: 'ISO 8601 creation timestamp' },
  updatedAt: { type: 'string', description: 'ISO 8601 update timestamp' },
} satisfies Record<string, OutputProperty>

export const DAILY_USAGE_OUTPUT_PROPERTIES = {
  date: { type: 'string', description: 'Day (YYYY-MM-DD)' },
  messages: { type: 'number', description: 'Messages that day' },
  calls: { type: 'number', description: 'Calls that day' },
  webhooks: { type: 'number', description: 'Webhook deliveries that day' },
} satisfies Record<string, OutputProperty>

export const MONTHLY_USAGE_OUTPUT_PROPERTIES = {
  month: { type: 'string', description: 'Month (YYYY-MM)' },
  messages: { type: 'number', description: 'Messages that month' },
  calls: { type: 'number', description: 'Calls that month' },
  webhooks: { type: 'number', description: 'Webhook deliveries that month' },
} satisfies Record<string, OutputProperty>

export interface AgentPhoneNumber {
  id: string | null
  phoneNumber: string | null
  country: string | null
  status: string | null
  type: string | null
  agentId: string | null
  createdAt: string | null
}

export interface AgentPhoneNumberMessage {
  id: string | null
  from_: string | null
  to: string | null
  body: string | null
  direction: string | null
  channel: string | null
  receivedAt: string | null
}

export interface AgentPhoneCallSummary {
  id: string | null
  agentId: string | null
  phoneNumberId: string | null
  phoneNumber: string | null
  fromNumber: string | null
  toNumber: string | null
  direction: string | null
  status: string | null
  startedAt: string | null
  endedAt: string | null
  durationSeconds: number | null
  lastTranscriptSnippet: string | null
  recordingUrl: string | null
  recordingAvailable: boolean | null
}

export interface AgentPhoneTranscriptTurn {
  id: string | null
  transcript: string | null
  confidence: number | null
  response: string | null
  createdAt: string | null
}

export interface AgentPhoneTranscriptEntry {
  role: string | null
  content: string | null
  createdAt: string | null
}

export interface AgentPhoneCallDetail extends AgentPhoneCallSummary {
  transcripts: AgentPhoneTranscriptTurn[]
}

export interface AgentPhoneConversationSummary {
  id: string | null
  agentId: string | null
  phoneNumberId: string | null
  phoneNumber: string | null
  participant: string | null
  lastMessageAt: string | null
  lastMessagePreview: string | null
  messageCount: number | null
  metadata: unknown
  createdAt: string | null
}

export interface AgentPhoneConversationMessage {
  id: string | null
  body: string | null
  fromNumber: string | null
  toNumber: string | null
  direction: string | null
  channel: string | null
  mediaUrl: string | null
  mediaUrls: string[]
  receivedAt: string | null
}

export interface AgentPhoneConversationDetail
  extends Omit<AgentPhoneConversationSummary, 'lastMessagePreview'> {
  messages: AgentPhoneConversationMessage[]
}

export interface AgentPhoneContact {
  id: string | null
  phoneNumber: string | null
  name: string | null
  email: string | null
  notes: string | null
  createdAt: string | null
  updatedAt: string | null
}

export interface AgentPhoneUsageDailyEntry {
  date: string | null
  messages: number | null
  calls: number | null
  webhooks: number | null
}

export interface AgentPhoneUsageMonthlyEntry {
  month: string | null
  messages: number | null
  calls: number | null
  webhooks: number | null
}

interface AgentPhoneParams {
  apiKey: string
}

interface AgentPhonePageParams extends AgentPhoneParams {
  limit?: number
  offset?: number
}

interface AgentPhoneMessageCursorParams extends AgentPhoneParams {
  limit?: number
  before?: string
  after?: string
}

interface AgentPhonePage<T> {
  data: T[]
  hasMore: boolean | null
  total: number | null
}

interface AgentPhoneMessagePage<T> {
  data: T[]
  hasMore: boolean | null
}

export interface AgentPhoneCreateNumberParams extends AgentPhoneParams {
  country?: AgentPhoneCountry
  areaCode?: string
  agentId?: string
}

export interface AgentPhoneCreateNumberResult extends ToolResponse {
  output: AgentPhoneNumber
}

export type AgentPhoneListNumbersParams = AgentPhonePageParams

export interface AgentPhoneListNumbersResult extends ToolResponse {
  output: AgentPhonePage<AgentPhoneNumber>
}

export interface AgentPhoneReleaseNumberParams extends AgentPhoneParams {
  numberId: string
}

export interface AgentPhoneReleaseNumberResult extends ToolResponse {
  output: { id: string; released: boolean }
}

export interface AgentPhoneGetNumberMessagesParams extends AgentPhoneMessageCursorParams {
  numberId: string
}

export interface AgentPhoneGetNumberMessagesResult extends ToolResponse {
  output: AgentPhoneMessagePage<AgentPhoneNumberMessage>
}

export interface AgentPhoneCreateCallParams extends AgentPhoneParams {
  agentId: string
  toNumber: string
  fromNumberId?: string
  initialGreeting?: string
  voice?: string
  systemPrompt?: string
}

export interface AgentPhoneCreateCallResult extends ToolResponse {
  output: Pick<
    AgentPhoneCallSummary,
    | 'id'
    | 'agentId'
    | 'status'
    | 'toNumber'
    | 'fromNumber'
    | 'phoneNumberId'
    | 'direction'
    | 'startedAt'
  >
}

export interface AgentPhoneListCallsParams extends AgentPhonePageParams {
  status?: AgentPhoneCallStatus
  direction?: AgentPhoneCallDirection
  type?: AgentPhoneCallType
  search?: string
}

export interface AgentPhoneListCallsResult extends ToolResponse {
  output: AgentPhonePage<AgentPhoneCallSummary>
}

export interface AgentPhoneGetCallParams extends AgentPhoneParams {
  callId: string
  /** Long-poll: answer once the call has ended (or `timeoutSeconds` have passed). */
  wait?: boolean
  timeoutSeconds?: number
}

/** How long `wait` holds a Get Call when no timeout is given, and the API's longest, in seconds. */
export const AGENTPHONE_DEFAULT_WAIT_SECONDS = 120
export const AGENTPHONE_MAX_WAIT_SECONDS = 300

export interface AgentPhoneGetCallResult extends ToolResponse {
  output: AgentPhoneCallDetail
}

export interface AgentPhoneGetCallTranscriptParams extends AgentPhoneParams {
  callId: string
}

export interface AgentPhoneGetCallTranscriptResult extends ToolResponse {
  output: { callId: string | null; transcript: AgentPhoneTranscriptEntry[] }
}

export type AgentPhoneListConversationsParams = AgentPhonePageParams

export interface AgentPhoneListConversationsResult extends ToolResponse {
  output: AgentPhonePage<AgentPhoneConversationSummary>
}

export interface AgentPhoneGetConversationParams extends AgentPhoneParams {
  conversationId: string
  messageLimit?: number
}

export interface AgentPhoneGetConversationResult extends ToolResponse {
  output: AgentPhoneConversationDetail
}

export interface AgentPhoneUpdateConversationParams extends AgentPhoneParams {
  conversationId: string
  /** null clears the stored metadata; absent leaves it unchanged. */
  metadata?: Record<string, unknown> | null
}

export interface AgentPhoneUpdateConversationResult extends ToolResponse {
  output: AgentPhoneConversationDetail
}

export interface AgentPhoneGetConversationMessagesParams extends AgentPhoneMessageCursorParams {
  conversationId: string
}

export interface AgentPhoneGetConversationMessagesResult extends ToolResponse {
  output: AgentPhoneMessagePage<AgentPhoneConversationMessage>
}

export interface AgentPhoneSendMessageParams extends AgentPhoneParams {
  agentId: string
  toNumber: string
  body: string
  mediaUrl?: string
  numberId?: string
}

export interface AgentPhoneSendMessageResult extends ToolResponse {
  output: {
    id: string | null
    status: string | null
    channel: string | null
    fromNumber: string | null
    toNumber: string | null
  }
}

export interface AgentPhoneReactToMessageParams extends AgentPhoneParams {
  messageId: string
  reaction: AgentPhoneReactionType
}

export interface AgentPhoneReactToMessageResult extends ToolResponse {
  output: {
    id: string | null
    reactionType: string | null
    messageId: string | null
    channel: string | null
  }
}

export interface AgentPhoneCreateContactParams extends AgentPhoneParams {
  phoneNumber: string
  name: string
  email?: string
  notes?: string
}

export interface AgentPhoneCreateContactResult extends ToolResponse {
  output: AgentPhoneContact
}

export interface AgentPhoneListContactsParams extends AgentPhonePageParams {
  search?: string
}

export interface AgentPhoneListContactsResult extends ToolResponse {
  output: AgentPhonePage<AgentPhoneContact>
}

export interface AgentPhoneGetContactParams extends AgentPhoneParams {
  contactId: string
}

export interface AgentPhoneGetContactResult extends ToolResponse {
  output: AgentPhoneContact
}

export interface AgentPhoneUpdateContactParams extends AgentPhoneParams {
  contactId: string
  phoneNumber?: string
  name?: string
  email?: string
  notes?: string
}

export interface AgentPhoneUpdateContactResult extends ToolResponse {
  output: AgentPhoneContact
}

export interface AgentPhoneDeleteContactParams extends AgentPhoneParams {
  contactId: string
}

export interface AgentPhoneDeleteContactResult extends ToolResponse {
  output: { id: string; deleted: boolean }
}

export type AgentPhoneGetUsageParams = AgentPhoneParams

export interface AgentPhoneGetUsageResult extends ToolResponse {
  output: {
    plan: unknown
    numbers: unknown
    stats: unknown
    periodStart: string | null
    periodEnd: string | null
  }
}

export interface AgentPhoneGetUsageDailyParams extends AgentPhoneParams {
  days?: number
}

export interface AgentPhoneGetUsageDailyResult extends ToolResponse {
  output: { data: AgentPhoneUsageDailyEntry[]; days: number | null }
}

export interface AgentPhoneGetUsageMonthlyParams extends AgentPhoneParams {
  months?: number
}

export interface AgentPhoneGetUsageMonthlyResult extends ToolResponse {
  output: { data: AgentPhoneUsageMonthlyEntry[]; months: number | null }
}

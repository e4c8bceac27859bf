/**
 * The state of one sandbox account, as stored (and persisted to `--data`). Times are epoch
 * milliseconds here and ISO 8601 strings on the wire; derived values (a call's status, a
 * conversation's last message, usage) are computed when read, never stored.
 */
import type { WebhookState } from './webhooks.js'

export const COUNTRIES = ['US', 'CA'] as const
export type Country = (typeof COUNTRIES)[number]

export const CHANNELS = ['sms', 'mms', 'imessage'] as const
export type Channel = (typeof CHANNELS)[number]

export type Direction = 'inbound' | 'outbound'

/** The classic iMessage tapbacks, the only reactions the API accepts. */
export const TAPBACKS = ['love', 'like', 'dislike', 'laugh', 'emphasize', 'question'] as const
export type Tapback = (typeof TAPBACKS)[number]

export const CALL_STATUSES = ['queued', 'in-progress', 'completed', 'failed'] as const
export type CallStatus = (typeof CALL_STATUSES)[number]

export interface Agent {
  id: string
  name: string
  /** `hosted`: AgentPhone's built-in LLM runs the conversation; `webhook`: your server does. */
  voiceMode: 'hosted' | 'webhook'
  voice: string
  systemPrompt: string | null
  beginMessage: string | null
  createdAt: number
}

export interface PhoneNumber {
  id: string
  phoneNumber: string
  country: Country
  status: 'active' | 'released'
  type: 'sms'
  agentId: string | null
  createdAt: number
  releasedAt: number | null
}

export interface Contact {
  id: string
  phoneNumber: string
  name: string
  email: string | null
  notes: string | null
  createdAt: number
  updatedAt: number
}

export interface Reaction {
  id: string
  reactionType: Tapback
  createdAt: number
}

export interface Message {
  id: string
  conversationId: string
  phoneNumberId: string
  body: string
  fromNumber: string
  toNumber: string
  direction: Direction
  channel: Channel
  mediaUrls: string[]
  /** Unique within an account, so timestamps work as page cursors. */
  receivedAt: number
  reactions: Reaction[]
}

export interface Conversation {
  id: string
  agentId: string | null
  phoneNumberId: string
  phoneNumber: string
  participant: string
  metadata: Record<string, unknown> | null
  createdAt: number
}

export interface TranscriptTurn {
  id: string
  /** What the other party said. */
  transcript: string
  /** What the agent answered. */
  response: string | null
  confidence: number
  /** When the turn happens, counted from the moment the call is answered. */
  offsetMs: number
}

/** A call is stored as its plan; its status and visible transcript follow from elapsed time. */
export interface Call {
  id: string
  agentId: string
  phoneNumberId: string
  phoneNumber: string
  fromNumber: string
  toNumber: string
  direction: Direction
  type: 'pstn' | 'web'
  voice: string
  placedAt: number
  /** How long the call stays queued (ringing) before it is answered — or fails. */
  answerAfterMs: number
  outcome: 'completed' | 'failed'
  durationSeconds: number
  turns: TranscriptTurn[]
}

/** Daily counts before the account's creation, index 0 being `firstDay` (YYYY-MM-DD, UTC). */
export interface UsageHistory {
  firstDay: string
  messages: number[]
  calls: number[]
  webhooks: number[]
  failedWebhooks: number[]
}

export interface AccountState {
  id: string
  createdAt: number
  rngState: number
  agents: Agent[]
  numbers: PhoneNumber[]
  contacts: Contact[]
  conversations: Conversation[]
  messages: Message[]
  calls: Call[]
  history: UsageHistory
  /** Registered webhooks and the deliveries log; absent until first used. */
  webhooks?: WebhookState
}

/** The sandbox plan: generous, except for phone numbers, whose limit is enforced. */
export const PLAN = {
  name: 'Sandbox',
  limits: {
    numbers: 5,
    messagesPerMonth: 10_000,
    voiceMinutesPerMonth: 1_000,
    maxCallDurationMinutes: 10,
    concurrentCalls: 5,
  },
} as const

export const iso = (ms: number) => new Date(ms).toISOString()
export const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms))

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

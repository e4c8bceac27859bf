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

/** What the sandbox's calls go through; `list_calls` filters by any of the API's statuses. */
export type CallStatus = 'queued' | 'in-progress' | 'completed' | 'failed' | 'canceled'

export interface CustomTool {
  name: string
  description: string
  url: string
  method?: 'GET' | 'POST' | undefined
  headers?: Record<string, string> | null | undefined
  parameters?: Record<string, unknown> | null | undefined
  timeoutMs?: number | null | undefined
  speakDuringExecution?: boolean | null | undefined
  executionMessage?: string | null | undefined
}

/** An agent's voice and behaviour settings, as the API lists them (defaults in `AGENT_DEFAULTS`). */
export interface AgentSettings {
  description: string | null
  enableMessaging: boolean
  modelTier: 'turbo' | 'balanced' | 'max'
  transferNumber: string | null
  customTools: CustomTool[] | null
  voicemailMessage: string | null
  callScreeningIdentity: string | null
  callScreeningPurpose: string | null
  sttMode: 'fast' | 'accurate'
  ambientSound: 'none' | 'office' | 'coffee-shop' | 'outdoor'
  denoisingMode: 'noise-cancellation' | 'noise-and-background-speech-cancellation'
  maxSilenceMs: number
  voiceSpeed: number
  interruptionSensitivity: number
  enableBackchannel: boolean
  language: string
}

export const AGENT_DEFAULTS: AgentSettings = {
  description: null,
  enableMessaging: true,
  modelTier: 'balanced',
  transferNumber: null,
  customTools: null,
  voicemailMessage: null,
  callScreeningIdentity: null,
  callScreeningPurpose: null,
  sttMode: 'fast',
  ambientSound: 'none',
  denoisingMode: 'noise-cancellation',
  maxSilenceMs: 600_000,
  voiceSpeed: 1,
  interruptionSensitivity: 0.8,
  enableBackchannel: true,
  language: 'en-US',
}

/** Settings are optional when stored, so data files written before they existed still load. */
export interface Agent extends Partial<AgentSettings> {
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
  /** The iMessage contact card shown to recipients, if one is set. */
  contactCard?: ContactCard | undefined
}

export interface ContactCard {
  firstName: string | null
  lastName: string | null
  displayName: string | null
  avatarUrl: string | null
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
  reactionType: string
  /** Who reacted; absent in data files older than the field (then: our number, outbound). */
  fromNumber?: string
  direction?: Direction
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
  /** The message this one replies to inline (iMessage), if any. */
  replyToId?: string | undefined
}

export interface Conversation {
  id: string
  agentId: string | null
  phoneNumberId: string
  phoneNumber: string
  /** The other party; for a group, its `grp_…` ID. */
  participant: string
  metadata: Record<string, unknown> | null
  createdAt: number
  /** An iMessage group: its members and name. */
  group?: { members: string[]; name: string | null } | undefined
  /** The chat wallpaper (iMessage), if set. */
  background?: { id: string; version: number; imageUrl: string } | undefined
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
  /** Null once the agent is deleted. */
  agentId: string | null
  /** Null for web calls (no phone line). */
  phoneNumberId: string | null
  phoneNumber: string | null
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
  /** When `POST /v1/calls/{id}/end` hung it up early. */
  hungUpAt?: number | undefined
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
  /** Only on a master account: its sub-accounts, each with data of its own. */
  subAccounts?: SubAccount[]
  /** The A2P 10DLC registration submitted for this (sub-)account, if any. */
  registration?: Registration | undefined
}

export interface SubAccount {
  id: string
  name: string
  createdAt: number
  state: AccountState
}

export interface Registration {
  type: 'sole_proprietor' | 'standard_brand'
  brandName: string
  submittedAt: number
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

/**
 * The AgentPhone entities as the tools output them (field names and descriptions from the seed).
 * Operations that describe a field differently reword it with `describedAs`.
 */
import { type OutputFields, out } from './outputs.js'

export const numberFields = {
  id: out.string('Phone number ID'),
  phoneNumber: out.string('Phone number in E.164 format'),
  country: out.string('Two-letter country code'),
  status: out.string('Number status'),
  type: out.string('Number type (e.g. sms)'),
  agentId: out.string('Attached agent ID'),
  createdAt: out.string('ISO 8601 creation timestamp'),
}

export const messageFields = {
  id: out.string('Message ID'),
  body: out.string('Message text'),
  fromNumber: out.string('Sender phone number'),
  toNumber: out.string('Recipient phone number'),
  direction: out.string('inbound or outbound'),
  channel: out.string('sms, mms, or imessage'),
  mediaUrl: out.string('Attached media URL'),
  receivedAt: out.string('ISO 8601 timestamp'),
}

/** The API's `mediaUrl` is null on messages that carry their media only in `mediaUrls`. */
export function withFirstMediaUrl(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw
  const message = raw as { mediaUrl?: unknown; media_url?: unknown; mediaUrls?: unknown }
  const first = Array.isArray(message.mediaUrls) ? message.mediaUrls[0] : undefined
  if (message.mediaUrl == null && message.media_url == null && typeof first === 'string') {
    return { ...message, mediaUrl: first }
  }
  return raw
}

/** Messages on a number keep the API's own `from_`/`to` names, as the seed does. */
export const numberMessageFields = {
  id: out.string('Message ID'),
  from_: out.string('Sender phone number (E.164)'),
  to: out.string('Recipient phone number (E.164)'),
  body: out.string('Message text'),
  direction: out.string('inbound or outbound'),
  channel: out.string('Channel (sms, mms, etc.)'),
  receivedAt: out.string('ISO 8601 timestamp'),
}

export const callFields = {
  id: out.string('Call ID'),
  agentId: out.string('Agent that handled the call'),
  phoneNumberId: out.string('Phone number ID used for the call'),
  phoneNumber: out.string('Phone number used for the call'),
  fromNumber: out.string('Caller phone number'),
  toNumber: out.string('Recipient phone number'),
  direction: out.string('inbound or outbound'),
  status: out.string('Call status'),
  startedAt: out.string('ISO 8601 timestamp'),
  endedAt: out.string('ISO 8601 timestamp'),
  durationSeconds: out.number('Call duration in seconds'),
  lastTranscriptSnippet: out.string('Last transcript snippet'),
  recordingUrl: out.string('Recording audio URL'),
  recordingAvailable: out.boolean('Whether a recording is available'),
}

export const transcriptTurnFields = {
  id: out.string('Transcript turn ID'),
  transcript: out.string('User utterance'),
  confidence: out.number('Speech recognition confidence'),
  response: out.string('Agent response (when available)'),
  createdAt: out.string('ISO 8601 timestamp'),
}

export const transcriptEntryFields = {
  role: out.string('Speaker role (user or agent)'),
  content: out.string('Turn content'),
  createdAt: out.string('ISO 8601 timestamp'),
}

const conversationBaseFields = {
  id: out.string('Conversation ID'),
  agentId: out.string('Agent ID'),
  phoneNumberId: out.string('Phone number ID'),
  phoneNumber: out.string('Phone number'),
  participant: out.string('External participant phone number'),
  lastMessageAt: out.string('ISO 8601 timestamp'),
}

export const conversationFields = {
  ...conversationBaseFields,
  lastMessagePreview: out.string('Last message preview'),
  messageCount: out.number('Number of messages in the conversation'),
  metadata: out.json('Custom metadata stored on the conversation'),
  createdAt: out.string('ISO 8601 timestamp'),
}

export const conversationDetailFields = {
  ...conversationBaseFields,
  messageCount: out.number('Number of messages in the conversation'),
  metadata: out.json('Custom metadata stored on the conversation'),
  createdAt: out.string('ISO 8601 timestamp'),
  messages: out.list('Recent messages in the conversation', messageFields, withFirstMediaUrl),
}

export const contactFields = {
  id: out.string('Contact ID'),
  phoneNumber: out.string('Phone number in E.164 format'),
  name: out.string('Contact name'),
  email: out.string('Contact email address'),
  notes: out.string('Freeform notes'),
  createdAt: out.string('ISO 8601 creation timestamp'),
  updatedAt: out.string('ISO 8601 update timestamp'),
}

export const usageFields = {
  plan: out.json(
    'Plan name and limits (name, limits: numbers/messagesPerMonth/voiceMinutesPerMonth/maxCallDurationMinutes/concurrentCalls)'
  ),
  numbers: out.json('Phone number usage (used, limit, remaining)'),
  stats: out.json(
    'Usage stats: totalMessages, messagesLast24h/7d/30d, totalCalls, callsLast24h/7d/30d, totalWebhookDeliveries, successfulWebhookDeliveries, failedWebhookDeliveries'
  ),
  periodStart: out.string('Billing period start'),
  periodEnd: out.string('Billing period end'),
}

const usageCounts = (period: string) => ({
  messages: out.number(`Messages that ${period}`),
  calls: out.number(`Calls that ${period}`),
  webhooks: out.number(`Webhook deliveries that ${period}`),
})

export const dailyUsageFields = { date: out.string('Day (YYYY-MM-DD)'), ...usageCounts('day') }
export const monthlyUsageFields = { month: out.string('Month (YYYY-MM)'), ...usageCounts('month') }

/** A limit/offset page: `{data, hasMore, total}`. */
export const page = <F extends OutputFields>(
  items: F,
  descriptions: { data: string; total: string },
  prepare?: (raw: unknown) => unknown
) => ({
  data: out.list(descriptions.data, items, prepare),
  hasMore: out.boolean('Whether more results are available'),
  total: out.number(descriptions.total),
})

/** A cursor page of messages: `{data, hasMore}`. */
export const messagePage = <F extends OutputFields>(
  items: F,
  description: string,
  prepare?: (raw: unknown) => unknown
) => ({
  data: out.list(description, items, prepare),
  hasMore: out.boolean('Whether more messages are available'),
})

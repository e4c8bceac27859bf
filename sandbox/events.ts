/**
 * The events the sandbox delivers by webhook, in AgentPhone's envelope
 * `{event, channel, timestamp, agentId, data, …}`: an inbound message (`agent.message`, with the
 * conversation's metadata as `conversationState` and its `recentHistory`), a finished call
 * (`agent.call_ended`, with its transcript) and an inbound reaction (`agent.reaction`).
 */
import { callProgress } from './calls.js'
import { findConversation } from './lookup.js'
import { conversationMessages } from './messages.js'
import { type AccountState, type Agent, type Call, iso, type Message } from './model.js'
import { contactView, transcriptView } from './views.js'
import { type Webhook, webhookState } from './webhooks.js'

export type EventType = 'agent.message' | 'agent.call_ended' | 'agent.reaction'

export interface SandboxEvent {
  event: EventType
  channel: string
  /** The agent the event belongs to: its own webhook, if it has one, receives it. */
  agentId: string | null
  /** The message it is about, for the deliveries log. */
  messageId: string | null
  /** The JSON body, for the webhook it goes to (whose `contextLimit` sizes the history). */
  envelope: (webhook: Webhook) => Record<string, unknown>
}

/** What every envelope starts with. */
const envelopeHead = (event: EventType, channel: string, agentId: string | null, at: number) => ({
  event,
  channel,
  timestamp: iso(at),
  agentId,
})

/** The account's contact with this phone number, as the API shows contacts; else null. */
const contactFor = (account: AccountState, phoneNumber: string) => {
  const contact = account.contacts.find((candidate) => candidate.phoneNumber === phoneNumber)
  return contact ? contactView(contact) : null
}

const historyItem = (message: Message) => ({
  id: message.id,
  direction: message.direction,
  from: message.fromNumber,
  to: message.toNumber,
  message: message.body,
  channel: message.channel,
  mediaUrls: message.mediaUrls,
  receivedAt: iso(message.receivedAt),
})

/** An inbound message, with up to `contextLimit` earlier messages of its conversation (oldest first). */
export function messageEvent(account: AccountState, message: Message, at: number): SandboxEvent {
  const conversation = findConversation(account, message.conversationId)
  return {
    event: 'agent.message',
    channel: message.channel,
    agentId: conversation.agentId,
    messageId: message.id,
    envelope: (webhook) => {
      const earlier = conversationMessages(account, conversation.id).filter(
        (other) => other.receivedAt < message.receivedAt
      )
      return {
        ...envelopeHead('agent.message', message.channel, conversation.agentId, at),
        data: {
          messageId: message.id,
          conversationId: conversation.id,
          numberId: message.phoneNumberId,
          from: message.fromNumber,
          to: message.toNumber,
          contact: contactFor(account, conversation.participant),
          message: message.body,
          mediaUrl: message.mediaUrls[0] ?? null,
          mediaUrls: message.mediaUrls,
          direction: message.direction,
          receivedAt: iso(message.receivedAt),
        },
        conversationState: conversation.metadata,
        recentHistory:
          webhook.contextLimit > 0 ? earlier.slice(-webhook.contextLimit).map(historyItem) : [],
      }
    },
  }
}

/** A reaction by the conversation's participant to one of its messages. */
export function reactionEvent(
  account: AccountState,
  message: Message,
  reaction: { reactionType: string; createdAt: number },
  at: number
): SandboxEvent {
  const conversation = findConversation(account, message.conversationId)
  return {
    event: 'agent.reaction',
    channel: message.channel,
    agentId: conversation.agentId,
    messageId: message.id,
    envelope: () => ({
      ...envelopeHead('agent.reaction', message.channel, conversation.agentId, at),
      data: {
        conversationId: conversation.id,
        numberId: conversation.phoneNumberId,
        reactionType: reaction.reactionType,
        fromNumber: conversation.participant,
        direction: 'inbound',
        messageId: message.id,
        messageBody: message.body,
        messageMediaUrl: message.mediaUrls[0] ?? null,
        messageMediaUrls: message.mediaUrls,
        createdAt: iso(reaction.createdAt),
      },
    }),
  }
}

/** A call that has ended (completed or failed), with its whole transcript. */
export function callEndedEvent(account: AccountState, call: Call, at: number): SandboxEvent {
  const progress = callProgress(call, at)
  const completed = progress.status === 'completed'
  const outbound = call.direction === 'outbound'
  const participant = outbound ? call.toNumber : call.fromNumber
  const { transcript } = transcriptView(call, at)
  const lastWords = call.turns.at(-1)?.transcript
  return {
    event: 'agent.call_ended',
    channel: 'voice',
    agentId: call.agentId,
    messageId: null,
    envelope: () => ({
      ...envelopeHead('agent.call_ended', 'voice', call.agentId, at),
      data: {
        callId: call.id,
        numberId: call.phoneNumberId,
        from: call.fromNumber,
        to: call.toNumber,
        contact: contactFor(account, participant),
        direction: call.direction,
        status: progress.status,
        startedAt: iso(call.placedAt),
        endedAt: iso(progress.endedAt ?? at),
        durationSeconds: progress.durationSeconds ?? 0,
        disconnectionReason: completed ? 'agent_hangup' : 'dial_no_answer',
        transcript,
        summary: completed
          ? `${outbound ? 'Outbound call to' : 'Inbound call from'} ${participant}: ` +
            `${call.turns.length} exchanges in ${progress.durationSeconds} s.` +
            (lastWords ? ` The caller's last words: "${lastWords}"` : '')
          : null,
        userSentiment: completed ? 'Positive' : null,
        callSuccessful: completed,
      },
    }),
  }
}

/** The fake message `POST /v1/webhooks/test` sends, as from the given agent (or none). */
export function testEvent(account: AccountState, agent: Agent | undefined, at: number) {
  const number = account.numbers.find(
    (candidate) => candidate.status === 'active' && candidate.agentId === agent?.id
  )
  const agentId = agent?.id ?? null
  return {
    event: 'agent.message',
    channel: 'sms',
    agentId,
    messageId: null,
    envelope: () => ({
      ...envelopeHead('agent.message', 'sms', agentId, at),
      data: {
        messageId: 'msg_test',
        conversationId: null,
        numberId: number?.id ?? null,
        from: '+15555550100',
        to: number?.phoneNumber ?? null,
        contact: null,
        message: 'This is a test webhook from the AgentPhone sandbox.',
        mediaUrl: null,
        mediaUrls: [],
        direction: 'inbound',
        receivedAt: iso(at),
      },
      conversationState: null,
      recentHistory: [],
    }),
  } satisfies SandboxEvent
}

/** When a call ends (or ended): its progress at the end of time. */
const endOf = (call: Call) => callProgress(call, Number.POSITIVE_INFINITY).endedAt ?? Infinity

/**
 * The `agent.call_ended` events of calls that ended since the last look, up to `now`; and the
 * time the next call still in progress will end (to look again then).
 */
export function endedCallEvents(account: AccountState, now: number) {
  const state = webhookState(account, now)
  const events = account.calls
    .filter((call) => endOf(call) > state.callsEndedThrough && endOf(call) <= now)
    .sort((a, b) => endOf(a) - endOf(b))
    .map((call) => callEndedEvent(account, call, endOf(call)))
  state.callsEndedThrough = Math.max(state.callsEndedThrough, now)
  const upcoming = account.calls.map(endOf).filter((end) => end > now)
  return { events, nextEndAt: upcoming.length > 0 ? Math.min(...upcoming) : null }
}

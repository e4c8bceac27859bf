/** The wire shapes of the account's entities, as the API answers them. */
import { callProgress } from './calls.js'
import { agentNumbers } from './lookup.js'
import { conversationMessages } from './messages.js'
import {
  type AccountState,
  type Agent,
  type Call,
  type Contact,
  type Conversation,
  iso,
  isoOrNull,
  type Message,
  type PhoneNumber,
} from './model.js'

export const numberView = (number: PhoneNumber) => ({
  id: number.id,
  phoneNumber: number.phoneNumber,
  country: number.country,
  status: number.status,
  type: number.type,
  agentId: number.agentId,
  createdAt: iso(number.createdAt),
})

export const agentView = (account: AccountState, agent: Agent) => ({
  id: agent.id,
  name: agent.name,
  voiceMode: agent.voiceMode,
  voice: agent.voice,
  systemPrompt: agent.systemPrompt,
  beginMessage: agent.beginMessage,
  numbers: agentNumbers(account, agent.id).map(({ id, phoneNumber, status }) => ({
    id,
    phoneNumber,
    status,
  })),
  createdAt: iso(agent.createdAt),
})

export const messageView = (message: Message) => ({
  id: message.id,
  conversationId: message.conversationId,
  body: message.body,
  fromNumber: message.fromNumber,
  toNumber: message.toNumber,
  direction: message.direction,
  channel: message.channel,
  mediaUrl: message.mediaUrls[0] ?? null,
  mediaUrls: message.mediaUrls,
  receivedAt: iso(message.receivedAt),
  senderIdentifier: message.direction === 'inbound' ? message.fromNumber : null,
  reactions: message.reactions.map((reaction) => ({
    id: reaction.id,
    reactionType: reaction.reactionType,
    createdAt: iso(reaction.createdAt),
  })),
  replyTo: null,
})

/** Messages listed on a number keep the API's `from_`/`to` names. */
export const numberMessageView = (message: Message) => ({
  id: message.id,
  from_: message.fromNumber,
  to: message.toNumber,
  body: message.body,
  direction: message.direction,
  channel: message.channel,
  mediaUrls: message.mediaUrls,
  receivedAt: iso(message.receivedAt),
})

function conversationBase(account: AccountState, conversation: Conversation) {
  const messages = conversationMessages(account, conversation.id)
  const last = messages.at(-1)
  return {
    messages,
    view: {
      id: conversation.id,
      agentId: conversation.agentId,
      phoneNumberId: conversation.phoneNumberId,
      phoneNumber: conversation.phoneNumber,
      participant: conversation.participant,
      lastMessageAt: iso(last?.receivedAt ?? conversation.createdAt),
      lastMessagePreview: last ? last.body.slice(0, 100) : null,
      messageCount: messages.length,
      metadata: conversation.metadata,
      createdAt: iso(conversation.createdAt),
    },
  }
}

export const lastActivity = (account: AccountState, conversation: Conversation) =>
  conversationMessages(account, conversation.id).at(-1)?.receivedAt ?? conversation.createdAt

export const conversationView = (account: AccountState, conversation: Conversation) => ({
  ...conversationBase(account, conversation).view,
  isGroup: false,
  groupId: null,
  groupName: null,
  participants: [conversation.participant],
})

/** A conversation with its `messageLimit` most recent messages, newest first. */
export function conversationDetailView(
  account: AccountState,
  conversation: Conversation,
  messageLimit: number
) {
  const { view, messages } = conversationBase(account, conversation)
  const { lastMessagePreview: _, ...detail } = view
  return { ...detail, messages: messages.slice(-messageLimit).reverse().map(messageView) }
}

export function callView(call: Call, now: number) {
  const progress = callProgress(call, now)
  const last = progress.turns.at(-1)
  const completed = progress.status === 'completed'
  return {
    id: call.id,
    agentId: call.agentId,
    phoneNumberId: call.phoneNumberId,
    phoneNumber: call.phoneNumber,
    fromNumber: call.fromNumber,
    toNumber: call.toNumber,
    direction: call.direction,
    type: call.type,
    status: progress.status,
    startedAt: iso(call.placedAt),
    endedAt: isoOrNull(progress.endedAt),
    durationSeconds: progress.durationSeconds,
    lastTranscriptSnippet: last ? (last.response ?? last.transcript) : null,
    recordingUrl: completed ? `https://example.com/sandbox/recordings/${call.id}.mp3` : null,
    recordingAvailable: completed,
  }
}

export function callDetailView(call: Call, now: number) {
  const progress = callProgress(call, now)
  return {
    ...callView(call, now),
    transcripts: progress.turns.map((turn) => ({
      id: turn.id,
      transcript: turn.transcript,
      confidence: turn.confidence,
      response: turn.response,
      createdAt: iso(turn.at),
    })),
  }
}

/** The ordered transcript: each turn's utterance (`user`), then the agent's answer (`agent`). */
export function transcriptView(call: Call, now: number) {
  const { status, turns } = callProgress(call, now)
  return {
    callId: call.id,
    status,
    transcript: turns.flatMap((turn) => [
      { role: 'user', content: turn.transcript, createdAt: iso(turn.at) },
      ...(turn.response
        ? [{ role: 'agent', content: turn.response, createdAt: iso(turn.at) }]
        : []),
    ]),
  }
}

export const contactView = (contact: Contact) => ({
  id: contact.id,
  phoneNumber: contact.phoneNumber,
  name: contact.name,
  email: contact.email,
  notes: contact.notes,
  createdAt: iso(contact.createdAt),
  updatedAt: iso(contact.updatedAt),
})

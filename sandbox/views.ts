/** The wire shapes of the account's entities, as the API answers them. */
import { callProgress } from './calls.js'
import { agentNumbers } from './lookup.js'
import { conversationMessages } from './messages.js'
import {
  type AccountState,
  AGENT_DEFAULTS,
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

/** How an agent lists a number of its own (and how attaching one answers). */
export const agentNumberView = ({ id, phoneNumber, status, type }: PhoneNumber) => ({
  id,
  phoneNumber,
  status,
  type,
})

export function agentView(account: AccountState, agent: Agent) {
  const settings = { ...AGENT_DEFAULTS }
  for (const key of Object.keys(settings) as (keyof typeof settings)[]) {
    if (agent[key] !== undefined) Object.assign(settings, { [key]: agent[key] })
  }
  return {
    id: agent.id,
    name: agent.name,
    description: settings.description,
    voiceMode: agent.voiceMode,
    enableMessaging: settings.enableMessaging,
    modelTier: settings.modelTier,
    systemPrompt: agent.systemPrompt,
    beginMessage: agent.beginMessage,
    voice: agent.voice,
    transferNumber: settings.transferNumber,
    customTools: settings.customTools,
    voicemailMessage: settings.voicemailMessage,
    callScreeningIdentity: settings.callScreeningIdentity,
    callScreeningPurpose: settings.callScreeningPurpose,
    sttMode: settings.sttMode,
    ambientSound: settings.ambientSound,
    denoisingMode: settings.denoisingMode,
    maxSilenceMs: settings.maxSilenceMs,
    voiceSpeed: settings.voiceSpeed,
    interruptionSensitivity: settings.interruptionSensitivity,
    enableBackchannel: settings.enableBackchannel,
    language: settings.language,
    createdAt: iso(agent.createdAt),
    numbers: agentNumbers(account, agent.id).map(agentNumberView),
  }
}

/** The line a message travelled on: reactions from our side come from it. */
const ourNumber = (message: Message) =>
  message.direction === 'outbound' ? message.fromNumber : message.toNumber

export function messageView(message: Message, account?: AccountState) {
  const parent = message.replyToId
    ? account?.messages.find((candidate) => candidate.id === message.replyToId)
    : undefined
  return {
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
      fromNumber: reaction.fromNumber ?? ourNumber(message),
      direction: reaction.direction ?? 'outbound',
      createdAt: iso(reaction.createdAt),
    })),
    replyTo: parent
      ? { messageId: parent.id, message: parent.body, mediaUrls: parent.mediaUrls }
      : null,
  }
}

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
      lastMessagePreview: last ? last.body.slice(0, 100) : '',
      messageCount: messages.length,
      metadata: conversation.metadata,
      createdAt: iso(conversation.createdAt),
    },
  }
}

export const lastActivity = (account: AccountState, conversation: Conversation) =>
  conversationMessages(account, conversation.id).at(-1)?.receivedAt ?? conversation.createdAt

/** Group fields; `participants` names each member the account has as a contact. */
function groupView(account: AccountState, conversation: Conversation) {
  const members = conversation.group?.members ?? [conversation.participant]
  return {
    isGroup: conversation.group !== undefined,
    groupId: conversation.group ? conversation.participant : null,
    groupName: conversation.group?.name ?? null,
    groupIconUrl: null,
    participants: members.map((identifier) => ({
      identifier,
      name: account.contacts.find((contact) => contact.phoneNumber === identifier)?.name ?? null,
    })),
  }
}

export const conversationView = (account: AccountState, conversation: Conversation) => ({
  ...conversationBase(account, conversation).view,
  ...groupView(account, conversation),
})

/** As `GET /v1/agents/{id}/conversations` lists them: the summary without group fields. */
export const agentConversationView = (account: AccountState, conversation: Conversation) => {
  const { metadata: _, ...summary } = conversationBase(account, conversation).view
  return summary
}

/** A conversation with its `messageLimit` most recent messages, newest first. */
export function conversationDetailView(
  account: AccountState,
  conversation: Conversation,
  messageLimit: number
) {
  const { view, messages } = conversationBase(account, conversation)
  const { lastMessagePreview: _, ...detail } = view
  return {
    ...detail,
    ...groupView(account, conversation),
    messages: messages
      .slice(-messageLimit)
      .reverse()
      .map((message) => messageView(message, account)),
  }
}

/** The recording's public URL: the sandbox serves it at the API's path. */
export const recordingPath = (callId: string) => `/v1/calls/${encodeURIComponent(callId)}/recording`

export function callView(call: Call, now: number, origin: string) {
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
    recordingUrl: completed ? `${origin}${recordingPath(call.id)}` : null,
    recordingAvailable: completed,
  }
}

export function callDetailView(call: Call, now: number, origin: string) {
  const progress = callProgress(call, now)
  return {
    ...callView(call, now, origin),
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

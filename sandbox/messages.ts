/** Recording a message: it joins (or starts) the conversation between a number and a participant. */
import type { AccountState, Conversation, Direction, Message, PhoneNumber } from './model.js'
import { channelFor } from './phone.js'
import { random } from './random.js'

export interface NewMessage {
  number: PhoneNumber
  participant: string
  direction: Direction
  body: string
  mediaUrls: string[]
  at: number
  /** The message this one replies to inline. */
  replyToId?: string | undefined
}

/** Message times are unique within an account (a clash moves on by 1 ms), so they work as cursors. */
function messageTime(account: AccountState, at: number): number {
  const taken = new Set(account.messages.map((message) => message.receivedAt))
  let time = at
  while (taken.has(time)) time += 1
  return time
}

function conversationFor(
  account: AccountState,
  number: PhoneNumber,
  participant: string,
  at: number
) {
  const existing = account.conversations.find(
    (conversation) =>
      conversation.phoneNumberId === number.id && conversation.participant === participant
  )
  if (existing) return existing
  const conversation: Conversation = {
    id: random(account).id('conv'),
    agentId: number.agentId,
    phoneNumberId: number.id,
    phoneNumber: number.phoneNumber,
    participant,
    metadata: null,
    createdAt: at,
  }
  account.conversations.push(conversation)
  return conversation
}

export function recordMessage(account: AccountState, message: NewMessage): Message {
  const at = messageTime(account, message.at)
  const conversation = conversationFor(account, message.number, message.participant, at)
  const outbound = message.direction === 'outbound'
  const recorded: Message = {
    id: random(account).id('msg'),
    conversationId: conversation.id,
    phoneNumberId: message.number.id,
    body: message.body,
    fromNumber: outbound ? message.number.phoneNumber : message.participant,
    toNumber: outbound ? message.participant : message.number.phoneNumber,
    direction: message.direction,
    channel: channelFor(message.participant, message.mediaUrls.length > 0),
    mediaUrls: message.mediaUrls,
    receivedAt: at,
    reactions: [],
    ...(message.replyToId ? { replyToId: message.replyToId } : {}),
  }
  account.messages.push(recorded)
  return recorded
}

/** A conversation's messages, oldest first. */
export const conversationMessages = (account: AccountState, conversationId: string) =>
  account.messages
    .filter((message) => message.conversationId === conversationId)
    .sort((a, b) => a.receivedAt - b.receivedAt)

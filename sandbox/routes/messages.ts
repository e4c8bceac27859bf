import { z } from 'zod'
import { endpoint } from '../endpoint.js'
import { ApiError, ValidationError } from '../errors.js'
import { messageEvent, reactionEvent } from '../events.js'
import { findAgent, findConversation, findMessage, findNumber, senderNumber } from '../lookup.js'
import { recordMessage } from '../messages.js'
import {
  type AccountState,
  type Channel,
  type Direction,
  iso,
  type PhoneNumber,
  TAPBACKS,
} from '../model.js'
import { channelFor, normalizePhone } from '../phone.js'
import { random } from '../random.js'
import { nonBlank, phoneNumber } from '../validation.js'
import { messageView } from '../views.js'

const mediaUrl = z.url({ protocol: /^https?$/, error: 'Input should be a valid http(s) URL' })

const SEND_STYLES = [
  'celebration',
  'fireworks',
  'lasers',
  'love',
  'confetti',
  'balloons',
  'spotlight',
  'echo',
  'invisible',
  'gentle',
  'loud',
  'slam',
] as const

/**
 * snake_case, as the API has it. Only `body` is required: the line is `number_id`, `from_number`
 * or the agent's first number; the recipient `to_number` (a phone, an e-mail, a `grp_…` group) or
 * `recipients` (a new group). `media_url` (singular) is deprecated but still accepted.
 */
const sendMessageBody = z.object({
  agent_id: z.string().nullish(),
  to_number: z.string().nullish(),
  recipients: z.array(nonBlank).nullish(),
  body: z.string(),
  media_urls: z.array(mediaUrl).max(20).nullish(),
  media_url: mediaUrl.nullish(),
  number_id: z.string().nullish(),
  from_number: z.string().nullish(),
  send_style: z.enum(SEND_STYLES).nullish(),
  reply_to_message_id: z.string().nullish(),
})

type SendMessage = z.output<typeof sendMessageBody>

const reactionBody = z.object({ reaction: nonBlank })

/** Any pictographic character: what a custom emoji reaction is made of. */
const EMOJI = /\p{Extended_Pictographic}/u

/** Sandbox only: the conversation's participant reacts to one of its messages. */
const inboundReactionBody = z.object({ messageId: nonBlank, reaction: z.enum(TAPBACKS) })

/**
 * Sandbox only: a reply from a conversation's participant (`conversationId`), or a message from
 * anyone to one of the account's numbers (`numberId` + `from`).
 */
const inboundBody = z.union(
  [
    z.object({
      conversationId: nonBlank,
      body: nonBlank,
      mediaUrls: z.array(mediaUrl).default([]),
    }),
    z.object({
      numberId: nonBlank,
      from: phoneNumber,
      body: nonBlank,
      mediaUrls: z.array(mediaUrl).default([]),
    }),
  ],
  { error: 'Input should have conversationId and body, or numberId, from and body' }
)

/** The number an inbound message arrives on, and who sends it. */
function inboundRoute(account: AccountState, body: z.output<typeof inboundBody>) {
  if ('conversationId' in body) {
    const conversation = findConversation(account, body.conversationId)
    return {
      number: findNumber(account, conversation.phoneNumberId),
      participant: conversation.participant,
    }
  }
  return { number: findNumber(account, body.numberId), participant: body.from }
}

/** The line a message goes out on. */
function sendingLine(account: AccountState, body: SendMessage) {
  const agent = body.agent_id ? findAgent(account, body.agent_id) : undefined
  if (body.number_id) {
    const number = findNumber(account, body.number_id)
    return agent ? senderNumber(account, agent, number.id) : assertActive(number)
  }
  if (body.from_number) {
    const phone = normalizePhone(body.from_number)
    const number = account.numbers.find((candidate) => candidate.phoneNumber === phone)
    if (!number) throw new ApiError(404, `Phone number ${body.from_number} not found`)
    return agent ? senderNumber(account, agent, number.id) : assertActive(number)
  }
  if (agent) return senderNumber(account, agent, undefined)
  throw new ApiError(400, 'Say which line sends the message: agent_id, number_id or from_number')
}

function assertActive(number: PhoneNumber) {
  if (number.status !== 'active') {
    throw new ApiError(400, `Phone number ${number.id} has been released and cannot be used`)
  }
  return number
}

/** Who receives it: one party, an existing group, or a new group of `recipients`. */
function recipientOf(account: AccountState, number: PhoneNumber, body: SendMessage, now: number) {
  if (body.to_number && body.recipients) {
    throw new ApiError(400, 'Provide to_number or recipients, not both')
  }
  if (body.recipients) return startGroup(account, number, body.recipients, now)
  if (!body.to_number) throw new ApiError(400, 'Provide to_number (or recipients for a new group)')
  const to = body.to_number.trim()
  if (to.startsWith('grp_')) {
    const group = account.conversations.find(
      (conversation) => conversation.group && conversation.participant === to
    )
    if (!group) throw new ApiError(404, `Group ${to} not found`)
    return to
  }
  if (to.includes('@') || /^\d{5,6}$/.test(to)) return to
  const phone = normalizePhone(to)
  if (!phone) {
    throw new ValidationError([
      {
        loc: ['body', 'to_number'],
        msg: 'value is not a valid phone number, e-mail address or group ID',
        type: 'value_error',
      },
    ])
  }
  return phone
}

function startGroup(account: AccountState, number: PhoneNumber, recipients: string[], now: number) {
  if (recipients.length < 2) throw new ApiError(400, 'A new group needs 2 or more recipients')
  const members = recipients.map((recipient) =>
    recipient.includes('@') ? recipient.trim() : (normalizePhone(recipient) ?? recipient)
  )
  const notImessage = members.filter((member) => channelFor(member, false) !== 'imessage')
  if (notImessage.length > 0) {
    throw new ApiError(400, `Groups are iMessage only; not on iMessage: ${notImessage.join(', ')}`)
  }
  const groupId = random(account).id('grp')
  account.conversations.push({
    id: random(account).id('conv'),
    agentId: number.agentId,
    phoneNumberId: number.id,
    phoneNumber: number.phoneNumber,
    participant: groupId,
    metadata: null,
    createdAt: now,
    group: { members, name: null },
  })
  return groupId
}

function assertSendable(body: SendMessage, mediaUrls: string[], channel: Channel) {
  if (body.body.trim() === '' && mediaUrls.length === 0) {
    throw new ValidationError([
      { loc: ['body', 'body'], msg: 'String should not be blank', type: 'value_error' },
    ])
  }
  if (mediaUrls.length > 1 && (channel !== 'imessage' || body.body.trim() !== '')) {
    throw new ApiError(
      400,
      channel === 'imessage'
        ? 'A carousel (2-20 media_urls) is sent without text: leave body empty'
        : 'Carousels (2-20 media_urls) are iMessage only'
    )
  }
  if (body.send_style && channel !== 'imessage') {
    throw new ApiError(400, `send_style is iMessage only; this message goes as ${channel}`)
  }
}

/** Adds a tapback to a message, from our line (`outbound`) or the participant (`inbound`). */
function react(
  account: AccountState,
  messageId: string,
  reactionType: string,
  direction: Direction,
  now: number
) {
  const message = findMessage(account, messageId)
  if (message.channel !== 'imessage') {
    throw new ApiError(
      400,
      `Reactions are only supported on iMessage messages; message ${message.id} was sent as ${message.channel}`
    )
  }
  const ours = message.direction === 'outbound' ? message.fromNumber : message.toNumber
  const { participant } = findConversation(account, message.conversationId)
  const reaction = {
    id: random(account).id('rxn'),
    reactionType,
    fromNumber: direction === 'outbound' ? ours : participant,
    direction,
    createdAt: now,
  }
  message.reactions.push(reaction)
  return { message, reaction }
}

/** The API's tapbacks; a custom emoji gets the 400 of a line without them. */
function tapback(reaction: string) {
  const reactionType = reaction.trim().toLowerCase()
  if ((TAPBACKS as readonly string[]).includes(reactionType)) return reactionType
  throw new ApiError(
    400,
    EMOJI.test(reaction)
      ? 'Custom emoji reactions are not supported on this line. Upgrade to a newer iMessage line to send them, or use a classic tapback: love, like, dislike, laugh, emphasize, question'
      : `Unknown reaction '${reaction}': use a classic tapback (love, like, dislike, laugh, emphasize, question) or a custom emoji`
  )
}

export const messageEndpoints = [
  endpoint({
    method: 'POST',
    path: '/v1/messages',
    body: sendMessageBody,
    handle: ({ account, body, now }) => {
      const number = sendingLine(account, body)
      const participant = recipientOf(account, number, body, now)
      const mediaUrls = body.media_urls ?? (body.media_url ? [body.media_url] : [])
      assertSendable(body, mediaUrls, channelFor(participant, mediaUrls.length > 0))
      const parent = body.reply_to_message_id
        ? account.messages.find((message) => message.id === body.reply_to_message_id)
        : undefined
      const message = recordMessage(account, {
        number,
        participant,
        direction: 'outbound',
        body: body.body,
        mediaUrls,
        at: now,
        replyToId: parent?.id,
      })
      return {
        id: message.id,
        status: 'sent',
        channel: message.channel,
        from_number: message.fromNumber,
        to_number: message.toNumber,
        conversation_id: message.conversationId,
        media_urls: message.mediaUrls,
        reply_to_message_id: parent?.id ?? null,
        // Asked to reply to a message the account does not have: sent as a plain message.
        reply_parent_unresolved: body.reply_to_message_id ? !parent : null,
      }
    },
  }),

  endpoint({
    method: 'POST',
    path: '/v1/messages/:messageId/reactions',
    body: reactionBody,
    handle: ({ account, params, body, now }) => {
      const { message, reaction } = react(
        account,
        params.messageId,
        tapback(body.reaction),
        'outbound',
        now
      )
      return {
        id: reaction.id,
        reaction_type: reaction.reactionType,
        message_id: message.id,
        channel: message.channel,
      }
    },
  }),
  endpoint({
    method: 'POST',
    path: '/sandbox/inbound',
    body: inboundBody,
    status: 201,
    handle: ({ account, runtime, body, now }) => {
      const { number, participant } = inboundRoute(account, body)
      if (number.status !== 'active') {
        throw new ApiError(400, `Phone number ${number.id} has been released and receives nothing`)
      }
      const message = recordMessage(account, {
        number,
        participant,
        direction: 'inbound',
        body: body.body,
        mediaUrls: body.mediaUrls,
        at: now,
      })
      runtime.outbox.push(messageEvent(account, message, now))
      return messageView(message, account)
    },
  }),

  endpoint({
    method: 'POST',
    path: '/sandbox/inbound/reactions',
    body: inboundReactionBody,
    status: 201,
    handle: ({ account, runtime, body, now }) => {
      const { message, reaction } = react(account, body.messageId, body.reaction, 'inbound', now)
      runtime.outbox.push(reactionEvent(account, message, reaction, now))
      return {
        id: reaction.id,
        reactionType: reaction.reactionType,
        messageId: message.id,
        fromNumber: reaction.fromNumber,
        direction: reaction.direction,
        createdAt: iso(now),
      }
    },
  }),
]

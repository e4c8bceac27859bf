import { z } from 'zod'
import { endpoint } from '../endpoint.js'
import { ApiError } from '../errors.js'
import { messageEvent, reactionEvent } from '../events.js'
import { findAgent, findConversation, findMessage, findNumber, senderNumber } from '../lookup.js'
import { recordMessage } from '../messages.js'
import { type AccountState, iso, TAPBACKS, type Tapback } from '../model.js'
import { random } from '../random.js'
import { nonBlank, phoneNumber } from '../validation.js'
import { messageView } from '../views.js'

const mediaUrl = z.url({ protocol: /^https?$/, error: 'Input should be a valid http(s) URL' })

/** snake_case, as the API has it; `media_url` (singular) is deprecated but still accepted. */
const sendMessageBody = z.object({
  agent_id: nonBlank,
  to_number: phoneNumber,
  body: nonBlank,
  media_urls: z.array(mediaUrl).nullish(),
  media_url: mediaUrl.nullish(),
  number_id: z.string().nullish(),
})

const reactionBody = z.object({ reaction: z.enum(TAPBACKS) })

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

/** Adds a tapback to a message: iMessage messages only. */
function react(account: AccountState, messageId: string, reactionType: Tapback, now: number) {
  const message = findMessage(account, messageId)
  if (message.channel !== 'imessage') {
    throw new ApiError(
      400,
      `Reactions are only supported on iMessage messages; message ${message.id} was sent as ${message.channel}`
    )
  }
  const reaction = { id: random(account).id('rxn'), reactionType, createdAt: now }
  message.reactions.push(reaction)
  return { message, reaction }
}

export const messageEndpoints = [
  endpoint({
    method: 'POST',
    path: '/v1/messages',
    body: sendMessageBody,
    handle: ({ account, body, now }) => {
      const agent = findAgent(account, body.agent_id)
      const number = senderNumber(account, agent, body.number_id)
      const mediaUrls = body.media_urls ?? (body.media_url ? [body.media_url] : [])
      const message = recordMessage(account, {
        number,
        participant: body.to_number,
        direction: 'outbound',
        body: body.body,
        mediaUrls,
        at: now,
      })
      return {
        id: message.id,
        status: 'sent',
        channel: message.channel,
        from_number: message.fromNumber,
        to_number: message.toNumber,
        conversation_id: message.conversationId,
        media_urls: message.mediaUrls,
      }
    },
  }),

  endpoint({
    method: 'POST',
    path: '/v1/messages/:messageId/reactions',
    body: reactionBody,
    handle: ({ account, params, body, now }) => {
      const { message, reaction } = react(account, params.messageId, body.reaction, now)
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
      return messageView(message)
    },
  }),

  endpoint({
    method: 'POST',
    path: '/sandbox/inbound/reactions',
    body: inboundReactionBody,
    status: 201,
    handle: ({ account, runtime, body, now }) => {
      const { message, reaction } = react(account, body.messageId, body.reaction, now)
      runtime.outbox.push(reactionEvent(account, message, reaction, now))
      const { participant } = findConversation(account, message.conversationId)
      return {
        id: reaction.id,
        reactionType: reaction.reactionType,
        messageId: message.id,
        fromNumber: participant,
        direction: 'inbound',
        createdAt: iso(now),
      }
    },
  }),
]

import { z } from 'zod'
import { endpoint } from '../endpoint.js'
import { ApiError } from '../errors.js'
import { findConversation } from '../lookup.js'
import { conversationMessages } from '../messages.js'
import type { AccountState } from '../model.js'
import { cursorPage, paginate } from '../paging.js'
import { channelFor } from '../phone.js'
import { random } from '../random.js'
import { boundedJsonObject, cursorQuery, intQuery, pageQuery } from '../validation.js'
import { conversationDetailView, conversationView, lastActivity, messageView } from '../views.js'

const detailQuery = z.object({ message_limit: intQuery({ fallback: 50, min: 1, max: 100 }) })

/**
 * `metadata`: an object replaces the stored one, null clears it, absence leaves it alone.
 * `group_name` renames a group (ignored for a 1:1 chat).
 */
const updateBody = z.object({
  metadata: boundedJsonObject.nullable().optional(),
  group_name: z.string().nullish(),
})

const backgroundBody = z.object({
  image_url: z.url({ protocol: /^https$/, error: 'Input should be a valid https URL' }),
})

/** Typing indicators and backgrounds exist in iMessage only. */
function iMessageConversation(account: AccountState, conversationId: string, what: string) {
  const conversation = findConversation(account, conversationId)
  const channel = channelFor(conversation.participant, false)
  if (channel !== 'imessage') {
    throw new ApiError(
      400,
      `${what} are only supported on iMessage conversations; ${conversation.id} is ${channel}`
    )
  }
  return conversation
}

export const conversationEndpoints = [
  endpoint({
    method: 'GET',
    path: '/v1/conversations',
    query: pageQuery({ limit: 20, max: 100 }),
    handle: ({ account, query }) => {
      const newestFirst = [...account.conversations].sort(
        (a, b) => lastActivity(account, b) - lastActivity(account, a)
      )
      return paginate(newestFirst, query, (conversation) => conversationView(account, conversation))
    },
  }),

  endpoint({
    method: 'GET',
    path: '/v1/conversations/:conversationId',
    query: detailQuery,
    handle: ({ account, params, query }) =>
      conversationDetailView(
        account,
        findConversation(account, params.conversationId),
        query.message_limit
      ),
  }),

  endpoint({
    method: 'PATCH',
    path: '/v1/conversations/:conversationId',
    body: updateBody,
    handle: ({ account, params, body }) => {
      const conversation = findConversation(account, params.conversationId)
      if (body.metadata !== undefined) conversation.metadata = body.metadata
      if (conversation.group && body.group_name !== undefined) {
        conversation.group.name = body.group_name
      }
      return conversationDetailView(account, conversation, 50)
    },
  }),

  endpoint({
    method: 'GET',
    path: '/v1/conversations/:conversationId/messages',
    query: cursorQuery,
    handle: ({ account, params, query }) => {
      const conversation = findConversation(account, params.conversationId)
      return cursorPage(conversationMessages(account, conversation.id), query, (message) =>
        messageView(message, account)
      )
    },
  }),

  endpoint({
    method: 'POST',
    path: '/v1/conversations/:conversationId/typing',
    handle: ({ account, params }) => {
      const conversation = iMessageConversation(account, params.conversationId, 'Typing indicators')
      return { conversationId: conversation.id, channel: 'imessage', status: 'sent' }
    },
  }),

  endpoint({
    method: 'POST',
    path: '/v1/conversations/:conversationId/background',
    body: backgroundBody,
    handle: ({ account, params, body }) => {
      const conversation = iMessageConversation(account, params.conversationId, 'Chat backgrounds')
      const current = conversation.background
      const changed = current?.imageUrl !== body.image_url
      if (changed) {
        conversation.background = {
          id: random(account).id('bg'),
          version: (current?.version ?? 0) + 1,
          imageUrl: body.image_url,
        }
      }
      return {
        conversationId: conversation.id,
        channel: 'imessage',
        hasBackground: true,
        backgroundId: conversation.background?.id ?? null,
        backgroundVersion: conversation.background?.version ?? null,
        changed,
      }
    },
  }),

  endpoint({
    method: 'DELETE',
    path: '/v1/conversations/:conversationId/background',
    status: 204,
    handle: ({ account, params }) => {
      const conversation = iMessageConversation(account, params.conversationId, 'Chat backgrounds')
      conversation.background = undefined
    },
  }),
]

import { z } from 'zod'
import { endpoint } from '../endpoint.js'
import { findConversation } from '../lookup.js'
import { conversationMessages } from '../messages.js'
import { cursorPage, paginate } from '../paging.js'
import { cursorQuery, intQuery, pageQuery } from '../validation.js'
import { conversationDetailView, conversationView, lastActivity, messageView } from '../views.js'

const detailQuery = z.object({ message_limit: intQuery({ fallback: 50, min: 1, max: 100 }) })

/** `metadata`: an object replaces the stored one, null clears it, absence leaves it alone. */
const updateBody = z.object({ metadata: z.record(z.string(), z.unknown()).nullable().optional() })

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
      return conversationDetailView(account, conversation, 50)
    },
  }),

  endpoint({
    method: 'GET',
    path: '/v1/conversations/:conversationId/messages',
    query: cursorQuery,
    handle: ({ account, params, query }) => {
      const conversation = findConversation(account, params.conversationId)
      return cursorPage(conversationMessages(account, conversation.id), query, messageView)
    },
  }),
]

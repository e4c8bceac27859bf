import { apiPath, defineAgentPhoneTool } from './define.js'
import { messageFields, messagePage, withFirstMediaUrl } from './entities.js'
import { params } from './params.js'

export const getConversationMessagesTool = defineAgentPhoneTool({
  operation: 'get_conversation_messages',
  name: 'AgentPhone Get Conversation Messages',
  description: 'Get paginated messages for a conversation',
  params: {
    conversationId: params.id('Conversation ID').required(),
    limit: params.integer('Number of messages to return (default 50, max 200)', {
      min: 1,
      max: 200,
    }),
    before: params.timestamp('Return messages received before this ISO 8601 timestamp'),
    after: params.timestamp('Return messages received after this ISO 8601 timestamp'),
  },
  method: 'GET',
  path: (p) => apiPath`/v1/conversations/${p.conversationId}/messages`,
  query: ['limit', 'before', 'after'],
  outputs: messagePage(messageFields, 'Messages in the conversation', withFirstMediaUrl),
})

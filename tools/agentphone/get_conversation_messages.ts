import { apiPath, defineAgentPhoneTool } from './define.js'
import { messageFields, messagePage, withFirstMediaUrl } from './entities.js'
import { messageCursor, params } from './params.js'

export const getConversationMessagesTool = defineAgentPhoneTool({
  operation: 'get_conversation_messages',
  name: 'AgentPhone Get Conversation Messages',
  description: 'Get paginated messages for a conversation',
  params: {
    conversationId: params.id('Conversation ID').required(),
    ...messageCursor(),
  },
  method: 'GET',
  path: (p) => apiPath`/v1/conversations/${p.conversationId}/messages`,
  query: ['limit', 'before', 'after'],
  outputs: messagePage(messageFields, 'Messages in the conversation', withFirstMediaUrl),
})

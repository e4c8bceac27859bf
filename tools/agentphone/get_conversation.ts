import { apiPath, defineAgentPhoneTool } from './define.js'
import { conversationDetailFields } from './entities.js'
import { params } from './params.js'

export const getConversationTool = defineAgentPhoneTool({
  operation: 'get_conversation',
  name: 'AgentPhone Get Conversation',
  description: 'Get a conversation along with its recent messages',
  params: {
    conversationId: params.id('Conversation ID').required(),
    messageLimit: params.integer('Number of recent messages to include (default 50, max 100)', {
      min: 1,
      max: 100,
    }),
  },
  method: 'GET',
  path: (p) => apiPath`/v1/conversations/${p.conversationId}`,
  // This one query parameter is snake_case on the wire.
  query: (p) => ({ message_limit: p.messageLimit }),
  outputs: conversationDetailFields,
})

import { defineAgentPhoneTool } from './define.js'
import { conversationFields, page } from './entities.js'
import { pagination } from './params.js'

export const listConversationsTool = defineAgentPhoneTool({
  operation: 'list_conversations',
  name: 'AgentPhone List Conversations',
  description: 'List conversations (message threads) for this AgentPhone account',
  params: {
    ...pagination('Number of results to return (default 20, max 100)', 100),
  },
  method: 'GET',
  path: () => '/v1/conversations',
  query: ['limit', 'offset'],
  outputs: page(conversationFields, {
    data: 'Conversations',
    total: 'Total number of conversations',
  }),
})

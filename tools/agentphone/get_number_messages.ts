import { apiPath, defineAgentPhoneTool } from './define.js'
import { messagePage, numberMessageFields } from './entities.js'
import { params } from './params.js'

export const getNumberMessagesTool = defineAgentPhoneTool({
  operation: 'get_number_messages',
  name: 'AgentPhone Get Number Messages',
  description: 'Fetch messages received on a specific phone number',
  params: {
    numberId: params.id('ID of the phone number').required(),
    limit: params.integer('Number of messages to return (default 50, max 200)', {
      min: 1,
      max: 200,
    }),
    before: params.timestamp('Return messages received before this ISO 8601 timestamp'),
    after: params.timestamp('Return messages received after this ISO 8601 timestamp'),
  },
  method: 'GET',
  path: (p) => apiPath`/v1/numbers/${p.numberId}/messages`,
  query: ['limit', 'before', 'after'],
  outputs: messagePage(numberMessageFields, 'Messages received on the number'),
})

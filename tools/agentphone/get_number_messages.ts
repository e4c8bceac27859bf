import { apiPath, defineAgentPhoneTool } from './define.js'
import { messagePage, numberMessageFields } from './entities.js'
import { messageCursor, params } from './params.js'

export const getNumberMessagesTool = defineAgentPhoneTool({
  operation: 'get_number_messages',
  name: 'AgentPhone Get Number Messages',
  description: 'Fetch messages received on a specific phone number',
  params: {
    numberId: params.id('ID of the phone number').required(),
    ...messageCursor(),
  },
  method: 'GET',
  path: (p) => apiPath`/v1/numbers/${p.numberId}/messages`,
  query: ['limit', 'before', 'after'],
  outputs: messagePage(numberMessageFields, 'Messages received on the number'),
})

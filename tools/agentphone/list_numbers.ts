import { defineAgentPhoneTool } from './define.js'
import { numberFields, page } from './entities.js'
import { pagination } from './params.js'

export const listNumbersTool = defineAgentPhoneTool({
  operation: 'list_numbers',
  name: 'AgentPhone List Numbers',
  description: 'List all phone numbers provisioned for this AgentPhone account',
  params: {
    ...pagination('Number of results to return (default 20, max 100)', 100),
  },
  method: 'GET',
  path: () => '/v1/numbers',
  query: ['limit', 'offset'],
  outputs: page(numberFields, {
    data: 'Phone numbers',
    total: 'Total number of phone numbers',
  }),
})

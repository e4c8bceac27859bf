import { defineAgentPhoneTool } from './define.js'
import { contactFields, page } from './entities.js'
import { params } from './params.js'

export const listContactsTool = defineAgentPhoneTool({
  operation: 'list_contacts',
  name: 'AgentPhone List Contacts',
  description: 'List contacts for this AgentPhone account',
  params: {
    search: params.text('Filter by name or phone number (case-insensitive contains)'),
    limit: params.integer('Number of results to return (default 50)', { min: 1 }),
    offset: params.integer('Number of results to skip (min 0)', { min: 0 }),
  },
  method: 'GET',
  path: () => '/v1/contacts',
  query: ['limit', 'offset', 'search'],
  outputs: page(contactFields, { data: 'Contacts', total: 'Total number of contacts' }),
})

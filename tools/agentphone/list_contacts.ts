import { defineAgentPhoneTool } from './define.js'
import { contactFields, page } from './entities.js'
import { pagination, params } from './params.js'

export const listContactsTool = defineAgentPhoneTool({
  operation: 'list_contacts',
  name: 'AgentPhone List Contacts',
  description: 'List contacts for this AgentPhone account',
  params: {
    search: params.text('Filter by name or phone number (case-insensitive contains)'),
    ...pagination('Number of results to return (default 50)'),
  },
  method: 'GET',
  path: () => '/v1/contacts',
  query: ['limit', 'offset', 'search'],
  outputs: page(contactFields, { data: 'Contacts', total: 'Total number of contacts' }),
})

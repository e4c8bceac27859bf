import { apiPath, defineAgentPhoneTool } from './define.js'
import { contactFields } from './entities.js'
import { params } from './params.js'

export const getContactTool = defineAgentPhoneTool({
  operation: 'get_contact',
  name: 'AgentPhone Get Contact',
  description: 'Fetch a single contact by ID',
  params: {
    contactId: params.id('Contact ID').required(),
  },
  method: 'GET',
  path: (p) => apiPath`/v1/contacts/${p.contactId}`,
  outputs: contactFields,
})

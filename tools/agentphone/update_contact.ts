import { apiPath, defineAgentPhoneTool } from './define.js'
import { contactFields } from './entities.js'
import { params } from './params.js'

export const updateContactTool = defineAgentPhoneTool({
  operation: 'update_contact',
  name: 'AgentPhone Update Contact',
  description: 'Update a contact',
  params: {
    contactId: params.id('Contact ID').required(),
    phoneNumber: params.phone('New phone number in E.164 format'),
    name: params.text('New contact name'),
    email: params.text('New email address'),
    notes: params.text('New freeform notes'),
  },
  method: 'PATCH',
  path: (p) => apiPath`/v1/contacts/${p.contactId}`,
  // Only the fields given are sent, so only those change.
  body: ['phoneNumber', 'name', 'email', 'notes'],
  atLeastOneOf: ['phoneNumber', 'name', 'email', 'notes'],
  outputs: contactFields,
})

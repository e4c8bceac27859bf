import { apiPath, defineAgentPhoneTool } from './define.js'
import { out } from './outputs.js'
import { params } from './params.js'

export const deleteContactTool = defineAgentPhoneTool({
  operation: 'delete_contact',
  name: 'AgentPhone Delete Contact',
  description: 'Delete a contact by ID',
  params: {
    contactId: params.id('Contact ID').required(),
  },
  method: 'DELETE',
  path: (p) => apiPath`/v1/contacts/${p.contactId}`,
  outputs: {
    id: out.string('ID of the deleted contact'),
    deleted: out.boolean('Whether the contact was deleted successfully'),
  },
  // 204 No Content: the outputs come from the request, not the (empty) body.
  fromResponse: (_body, p) => ({ id: p.contactId, deleted: true }),
})

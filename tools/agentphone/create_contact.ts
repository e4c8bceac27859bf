import { defineAgentPhoneTool } from './define.js'
import { contactFields } from './entities.js'
import { params } from './params.js'

export const createContactTool = defineAgentPhoneTool({
  operation: 'create_contact',
  name: 'AgentPhone Create Contact',
  description: 'Create a new contact in AgentPhone',
  params: {
    phoneNumber: params.phone('Phone number in E.164 format (e.g. +14155551234)').required(),
    name: params.text("Contact's full name").required(),
    email: params.text("Contact's email address"),
    notes: params.text('Freeform notes stored on the contact'),
  },
  method: 'POST',
  path: () => '/v1/contacts',
  body: ['phoneNumber', 'name', 'email', 'notes'],
  outputs: contactFields,
})

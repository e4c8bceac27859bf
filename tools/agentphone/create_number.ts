import { defineAgentPhoneTool } from './define.js'
import { numberFields } from './entities.js'
import { describedAs } from './outputs.js'
import { params } from './params.js'

export const createNumberTool = defineAgentPhoneTool({
  operation: 'create_number',
  name: 'AgentPhone Create Number',
  description: 'Provision a new SMS- and voice-enabled phone number',
  params: {
    country: params.oneOf('Two-letter country code (e.g. US, CA). Defaults to US.', ['US', 'CA']),
    areaCode: params.matching(
      'Preferred area code (US/CA only, e.g. "415"). Best-effort — may be ignored if unavailable.',
      /^\d{3}$/,
      'a 3-digit area code, e.g. 415'
    ),
    agentId: params.id('Optionally attach the number to an agent immediately'),
  },
  method: 'POST',
  path: () => '/v1/numbers',
  body: ['country', 'areaCode', 'agentId'],
  outputs: describedAs(numberFields, {
    id: 'Unique phone number ID',
    phoneNumber: 'Provisioned phone number in E.164 format',
    status: 'Number status (e.g. active)',
    agentId: 'Agent the number is attached to',
    createdAt: 'ISO 8601 timestamp when the number was created',
  }),
})

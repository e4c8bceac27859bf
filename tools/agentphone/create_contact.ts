import { agentphoneBody, agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  type AgentPhoneCreateContactParams,
  type AgentPhoneCreateContactResult,
  CONTACT_OUTPUT_PROPERTIES,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneCreateContactTool: ToolConfig<
  AgentPhoneCreateContactParams,
  AgentPhoneCreateContactResult
> = {
  id: 'agentphone_create_contact',
  name: 'Create Contact',
  description: 'Create a new contact in AgentPhone',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    phoneNumber: {
      type: 'string',
      required: true,
      visibility: 'user-or-llm',
      description: 'Phone number in E.164 format (e.g. +14155551234)',
    },
    name: {
      type: 'string',
      required: true,
      visibility: 'user-or-llm',
      description: "Contact's full name",
    },
    email: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description: "Contact's email address",
    },
    notes: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description: 'Freeform notes stored on the contact',
    },
  },

  request: {
    url: (params) => agentphoneUrl(agentphoneCreateContactTool, params, '/v1/contacts'),
    method: 'POST',
    headers: (params) => agentphoneHeaders(agentphoneCreateContactTool, params),
    body: (params) =>
      agentphoneBody(agentphoneCreateContactTool, params, [
        'phoneNumber',
        'name',
        'email',
        'notes',
      ]),
  },

  transformResponse: (response) =>
    transformAgentPhoneResponse(response, agentphoneCreateContactTool),

  outputs: CONTACT_OUTPUT_PROPERTIES,
}

import { agentphoneBody, agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  AGENTPHONE_CONTACT_ID_PARAMS,
  type AgentPhoneUpdateContactParams,
  type AgentPhoneUpdateContactResult,
  CONTACT_OUTPUT_PROPERTIES,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneUpdateContactTool: ToolConfig<
  AgentPhoneUpdateContactParams,
  AgentPhoneUpdateContactResult
> = {
  id: 'agentphone_update_contact',
  name: 'Update Contact',
  description: 'Update a contact',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    ...AGENTPHONE_CONTACT_ID_PARAMS,
    phoneNumber: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description: 'New phone number in E.164 format',
    },
    name: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description: 'New contact name',
    },
    email: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description: 'New email address',
    },
    notes: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description: 'New freeform notes',
    },
  },

  request: {
    url: (params) => agentphoneUrl(agentphoneUpdateContactTool, params, '/v1/contacts/{contactId}'),
    method: 'PATCH',
    headers: (params) => agentphoneHeaders(agentphoneUpdateContactTool, params),
    body: (params) =>
      agentphoneBody(agentphoneUpdateContactTool, params, [
        'phoneNumber',
        'name',
        'email',
        'notes',
      ]),
  },

  transformResponse: (response) =>
    transformAgentPhoneResponse(response, agentphoneUpdateContactTool),

  outputs: CONTACT_OUTPUT_PROPERTIES,
}

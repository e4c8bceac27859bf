import { agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  AGENTPHONE_CONTACT_ID_PARAMS,
  type AgentPhoneGetContactParams,
  type AgentPhoneGetContactResult,
  CONTACT_OUTPUT_PROPERTIES,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneGetContactTool: ToolConfig<
  AgentPhoneGetContactParams,
  AgentPhoneGetContactResult
> = {
  id: 'agentphone_get_contact',
  name: 'Get Contact',
  description: 'Fetch a single contact by ID',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    ...AGENTPHONE_CONTACT_ID_PARAMS,
  },

  request: {
    url: (params) => agentphoneUrl(agentphoneGetContactTool, params, '/v1/contacts/{contactId}'),
    method: 'GET',
    headers: (params) => agentphoneHeaders(agentphoneGetContactTool, params),
  },

  transformResponse: (response) => transformAgentPhoneResponse(response, agentphoneGetContactTool),

  outputs: CONTACT_OUTPUT_PROPERTIES,
}

import { agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  AGENTPHONE_PAGE_PARAMS,
  type AgentPhoneListNumbersParams,
  type AgentPhoneListNumbersResult,
  NUMBER_OUTPUT_PROPERTIES,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneListNumbersTool: ToolConfig<
  AgentPhoneListNumbersParams,
  AgentPhoneListNumbersResult
> = {
  id: 'agentphone_list_numbers',
  name: 'List Phone Numbers',
  description: 'List all phone numbers provisioned for this AgentPhone account',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    ...AGENTPHONE_PAGE_PARAMS,
  },

  request: {
    url: (params) =>
      agentphoneUrl(agentphoneListNumbersTool, params, '/v1/numbers', ['limit', 'offset']),
    method: 'GET',
    headers: (params) => agentphoneHeaders(agentphoneListNumbersTool, params),
  },

  transformResponse: (response) => transformAgentPhoneResponse(response, agentphoneListNumbersTool),

  outputs: {
    data: {
      type: 'array',
      description: 'Phone numbers',
      items: { type: 'object', properties: NUMBER_OUTPUT_PROPERTIES },
    },
    hasMore: { type: 'boolean', description: 'Whether more results are available' },
    total: { type: 'number', description: 'Total number of phone numbers' },
  },
}

import { agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  AGENTPHONE_PAGE_PARAMS,
  type AgentPhoneListCallsParams,
  type AgentPhoneListCallsResult,
  CALL_OUTPUT_PROPERTIES,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneListCallsTool: ToolConfig<
  AgentPhoneListCallsParams,
  AgentPhoneListCallsResult
> = {
  id: 'agentphone_list_calls',
  name: 'List Calls',
  description: 'List voice calls for this AgentPhone account',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    ...AGENTPHONE_PAGE_PARAMS,
    status: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description: 'Filter by status (completed, in-progress, failed)',
    },
    direction: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description: 'Filter by direction (inbound, outbound)',
    },
    type: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description: 'Filter by call type (pstn, web)',
    },
    search: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description: 'Search by phone number (matches fromNumber or toNumber)',
    },
  },

  request: {
    url: (params) =>
      agentphoneUrl(agentphoneListCallsTool, params, '/v1/calls', [
        'limit',
        'offset',
        'status',
        'direction',
        'type',
        'search',
      ]),
    method: 'GET',
    headers: (params) => agentphoneHeaders(agentphoneListCallsTool, params),
  },

  transformResponse: (response) => transformAgentPhoneResponse(response, agentphoneListCallsTool),

  outputs: {
    data: {
      type: 'array',
      description: 'Calls',
      items: { type: 'object', properties: CALL_OUTPUT_PROPERTIES },
    },
    hasMore: { type: 'boolean', description: 'Whether more results are available' },
    total: { type: 'number', description: 'Total number of matching calls' },
  },
}

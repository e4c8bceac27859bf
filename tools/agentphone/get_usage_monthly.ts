import { agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  type AgentPhoneGetUsageMonthlyParams,
  type AgentPhoneGetUsageMonthlyResult,
  MONTHLY_USAGE_OUTPUT_PROPERTIES,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneGetUsageMonthlyTool: ToolConfig<
  AgentPhoneGetUsageMonthlyParams,
  AgentPhoneGetUsageMonthlyResult
> = {
  id: 'agentphone_get_usage_monthly',
  name: 'Get Monthly Usage',
  description: 'Get monthly usage aggregation (messages, calls, webhooks) for the last N months',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    months: {
      type: 'number',
      required: false,
      visibility: 'user-or-llm',
      description: 'Number of months to return (1-24, default 6)',
    },
  },

  request: {
    url: (params) =>
      agentphoneUrl(agentphoneGetUsageMonthlyTool, params, '/v1/usage/monthly', ['months']),
    method: 'GET',
    headers: (params) => agentphoneHeaders(agentphoneGetUsageMonthlyTool, params),
  },

  transformResponse: (response) =>
    transformAgentPhoneResponse(response, agentphoneGetUsageMonthlyTool),

  outputs: {
    data: {
      type: 'array',
      description: 'Monthly usage entries',
      items: { type: 'object', properties: MONTHLY_USAGE_OUTPUT_PROPERTIES },
    },
    months: { type: 'number', description: 'Number of months returned' },
  },
}

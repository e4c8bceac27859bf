import { agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  type AgentPhoneGetUsageDailyParams,
  type AgentPhoneGetUsageDailyResult,
  DAILY_USAGE_OUTPUT_PROPERTIES,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneGetUsageDailyTool: ToolConfig<
  AgentPhoneGetUsageDailyParams,
  AgentPhoneGetUsageDailyResult
> = {
  id: 'agentphone_get_usage_daily',
  name: 'Get Daily Usage',
  description: 'Get a daily breakdown of usage (messages, calls, webhooks) for the last N days',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    days: {
      type: 'number',
      required: false,
      visibility: 'user-or-llm',
      description: 'Number of days to return (1-365, default 30)',
    },
  },

  request: {
    url: (params) =>
      agentphoneUrl(agentphoneGetUsageDailyTool, params, '/v1/usage/daily', ['days']),
    method: 'GET',
    headers: (params) => agentphoneHeaders(agentphoneGetUsageDailyTool, params),
  },

  transformResponse: (response) =>
    transformAgentPhoneResponse(response, agentphoneGetUsageDailyTool),

  outputs: {
    data: {
      type: 'array',
      description: 'Daily usage entries',
      items: { type: 'object', properties: DAILY_USAGE_OUTPUT_PROPERTIES },
    },
    days: { type: 'number', description: 'Number of days returned' },
  },
}

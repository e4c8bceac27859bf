import { agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  type AgentPhoneGetUsageParams,
  type AgentPhoneGetUsageResult,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneGetUsageTool: ToolConfig<
  AgentPhoneGetUsageParams,
  AgentPhoneGetUsageResult
> = {
  id: 'agentphone_get_usage',
  name: 'Get Usage',
  description: 'Retrieve current usage statistics for the AgentPhone account',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
  },

  request: {
    url: (params) => agentphoneUrl(agentphoneGetUsageTool, params, '/v1/usage'),
    method: 'GET',
    headers: (params) => agentphoneHeaders(agentphoneGetUsageTool, params),
  },

  transformResponse: (response) => transformAgentPhoneResponse(response, agentphoneGetUsageTool),

  outputs: {
    plan: {
      type: 'json',
      description:
        'Plan name and limits (name, limits: numbers/messagesPerMonth/voiceMinutesPerMonth/maxCallDurationMinutes/concurrentCalls)',
    },
    numbers: { type: 'json', description: 'Phone number usage (used, limit, remaining)' },
    stats: {
      type: 'json',
      description:
        'Usage stats: totalMessages, messagesLast24h/7d/30d, totalCalls, callsLast24h/7d/30d, totalWebhookDeliveries, successfulWebhookDeliveries, failedWebhookDeliveries',
    },
    periodStart: { type: 'string', description: 'Billing period start' },
    periodEnd: { type: 'string', description: 'Billing period end' },
  },
}

import { defineAgentPhoneTool } from './define.js'
import { dailyUsageFields } from './entities.js'
import { out } from './outputs.js'
import { params } from './params.js'

export const getUsageDailyTool = defineAgentPhoneTool({
  operation: 'get_usage_daily',
  name: 'AgentPhone Get Daily Usage',
  description: 'Get a daily breakdown of usage (messages, calls, webhooks) for the last N days',
  params: {
    days: params.integer('Number of days to return (1-365, default 30)', { min: 1, max: 365 }),
  },
  method: 'GET',
  path: () => '/v1/usage/daily',
  query: ['days'],
  outputs: {
    data: out.list('Daily usage entries', dailyUsageFields),
    days: out.number('Number of days returned'),
  },
})

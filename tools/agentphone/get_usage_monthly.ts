import { defineAgentPhoneTool } from './define.js'
import { monthlyUsageFields } from './entities.js'
import { out } from './outputs.js'
import { params } from './params.js'

export const getUsageMonthlyTool = defineAgentPhoneTool({
  operation: 'get_usage_monthly',
  name: 'AgentPhone Get Monthly Usage',
  description: 'Get monthly usage aggregation (messages, calls, webhooks) for the last N months',
  params: {
    months: params.integer('Number of months to return (1-24, default 6)', { min: 1, max: 24 }),
  },
  method: 'GET',
  path: () => '/v1/usage/monthly',
  query: ['months'],
  outputs: {
    data: out.list('Monthly usage entries', monthlyUsageFields),
    months: out.number('Number of months returned'),
  },
})

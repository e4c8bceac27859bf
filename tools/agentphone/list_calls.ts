import { defineAgentPhoneTool } from './define.js'
import { callFields, page } from './entities.js'
import { pagination, params } from './params.js'

export const listCallsTool = defineAgentPhoneTool({
  operation: 'list_calls',
  name: 'AgentPhone List Calls',
  description: 'List voice calls for this AgentPhone account',
  params: {
    ...pagination('Number of results to return (default 20, max 100)', 100),
    status: params.oneOf('Filter by status (completed, in-progress, failed)', [
      'completed',
      'in-progress',
      'failed',
    ]),
    direction: params.oneOf('Filter by direction (inbound, outbound)', ['inbound', 'outbound']),
    type: params.oneOf('Filter by call type (pstn, web)', ['pstn', 'web']),
    search: params.text('Search by phone number (matches fromNumber or toNumber)'),
  },
  method: 'GET',
  path: () => '/v1/calls',
  query: ['limit', 'offset', 'status', 'direction', 'type', 'search'],
  outputs: page(callFields, { data: 'Calls', total: 'Total number of matching calls' }),
})

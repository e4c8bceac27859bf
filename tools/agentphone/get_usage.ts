import { defineAgentPhoneTool } from './define.js'
import { usageFields } from './entities.js'

export const getUsageTool = defineAgentPhoneTool({
  operation: 'get_usage',
  name: 'AgentPhone Get Usage',
  description: 'Retrieve current usage statistics for the AgentPhone account',
  params: {},
  method: 'GET',
  path: () => '/v1/usage',
  outputs: usageFields,
})

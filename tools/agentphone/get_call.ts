import { apiPath, defineAgentPhoneTool } from './define.js'
import { callFields, transcriptTurnFields } from './entities.js'
import { describedAs, out } from './outputs.js'
import { params } from './params.js'

export const getCallTool = defineAgentPhoneTool({
  operation: 'get_call',
  name: 'AgentPhone Get Call',
  description: 'Fetch a call and its full transcript',
  params: {
    callId: params.id('ID of the call to retrieve').required(),
  },
  method: 'GET',
  path: (p) => apiPath`/v1/calls/${p.callId}`,
  outputs: {
    ...describedAs(callFields, { phoneNumberId: 'Phone number ID' }),
    transcripts: out.list('Ordered transcript turns for the call', transcriptTurnFields),
  },
})

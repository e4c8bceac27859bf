import { defineAgentPhoneTool } from './define.js'
import { callFields } from './entities.js'
import { describedAs } from './outputs.js'
import { params } from './params.js'

const { id, agentId, status, toNumber, fromNumber, phoneNumberId, direction, startedAt } =
  callFields

export const createCallTool = defineAgentPhoneTool({
  operation: 'create_call',
  name: 'AgentPhone Create Call',
  description: 'Initiate an outbound voice call from an AgentPhone agent',
  params: {
    agentId: params.id('Agent that will handle the call').required(),
    toNumber: params.phone('Phone number to call in E.164 format (e.g. +14155551234)').required(),
    fromNumberId: params.id(
      "Phone number ID to use as caller ID. Must belong to the agent. If omitted, the agent's first assigned number is used."
    ),
    initialGreeting: params.text('Optional greeting spoken when the recipient answers'),
    voice: params.text(
      "Voice ID override for this call (defaults to the agent's configured voice)"
    ),
    systemPrompt: params.text(
      'When provided, uses a built-in LLM for the conversation instead of forwarding to your webhook'
    ),
  },
  method: 'POST',
  path: () => '/v1/calls',
  body: ['agentId', 'toNumber', 'fromNumberId', 'initialGreeting', 'voice', 'systemPrompt'],
  outputs: describedAs(
    { id, agentId, status, toNumber, fromNumber, phoneNumberId, direction, startedAt },
    {
      id: 'Unique call identifier',
      agentId: 'Agent handling the call',
      status: 'Initial call status',
      toNumber: 'Destination phone number',
      fromNumber: 'Caller ID used for the call',
      phoneNumberId: 'ID of the phone number used as caller ID',
      direction: 'Call direction (outbound)',
    }
  ),
})

import { agentphoneBody, agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  type AgentPhoneCreateCallParams,
  type AgentPhoneCreateCallResult,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneCreateCallTool: ToolConfig<
  AgentPhoneCreateCallParams,
  AgentPhoneCreateCallResult
> = {
  id: 'agentphone_create_call',
  name: 'Create Outbound Call',
  description: 'Initiate an outbound voice call from an AgentPhone agent',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    agentId: {
      type: 'string',
      required: true,
      visibility: 'user-or-llm',
      description: 'Agent that will handle the call',
    },
    toNumber: {
      type: 'string',
      required: true,
      visibility: 'user-or-llm',
      description: 'Phone number to call in E.164 format (e.g. +14155551234)',
    },
    fromNumberId: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description:
        "Phone number ID to use as caller ID. Must belong to the agent. If omitted, the agent's first assigned number is used.",
    },
    initialGreeting: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description: 'Optional greeting spoken when the recipient answers',
    },
    voice: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description: "Voice ID override for this call (defaults to the agent's configured voice)",
    },
    systemPrompt: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description:
        'When provided, uses a built-in LLM for the conversation instead of forwarding to your webhook',
    },
  },

  request: {
    modelInput: {
      mode: 'project',
      select: (params) => ({
        initialGreeting: params.initialGreeting,
        systemPrompt: params.systemPrompt,
      }),
    },
    url: (params) => agentphoneUrl(agentphoneCreateCallTool, params, '/v1/calls'),
    method: 'POST',
    headers: (params) => agentphoneHeaders(agentphoneCreateCallTool, params),
    body: (params) =>
      agentphoneBody(agentphoneCreateCallTool, params, [
        'agentId',
        'toNumber',
        'fromNumberId',
        'initialGreeting',
        'voice',
        'systemPrompt',
      ]),
  },

  transformResponse: (response) => transformAgentPhoneResponse(response, agentphoneCreateCallTool),

  outputs: {
    id: { type: 'string', description: 'Unique call identifier' },
    agentId: { type: 'string', description: 'Agent handling the call' },
    status: { type: 'string', description: 'Initial call status' },
    toNumber: { type: 'string', description: 'Destination phone number' },
    fromNumber: { type: 'string', description: 'Caller ID used for the call' },
    phoneNumberId: { type: 'string', description: 'ID of the phone number used as caller ID' },
    direction: { type: 'string', description: 'Call direction (outbound)' },
    startedAt: { type: 'string', description: 'ISO 8601 timestamp' },
  },
}

import { agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  AGENTPHONE_MESSAGE_CURSOR_PARAMS,
  type AgentPhoneGetNumberMessagesParams,
  type AgentPhoneGetNumberMessagesResult,
  NUMBER_MESSAGE_OUTPUT_PROPERTIES,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneGetNumberMessagesTool: ToolConfig<
  AgentPhoneGetNumberMessagesParams,
  AgentPhoneGetNumberMessagesResult
> = {
  id: 'agentphone_get_number_messages',
  name: 'Get Phone Number Messages',
  description: 'Fetch messages received on a specific phone number',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    numberId: {
      type: 'string',
      required: true,
      visibility: 'user-or-llm',
      description: 'ID of the phone number',
    },
    ...AGENTPHONE_MESSAGE_CURSOR_PARAMS,
  },

  request: {
    url: (params) =>
      agentphoneUrl(agentphoneGetNumberMessagesTool, params, '/v1/numbers/{numberId}/messages', [
        'limit',
        'before',
        'after',
      ]),
    method: 'GET',
    headers: (params) => agentphoneHeaders(agentphoneGetNumberMessagesTool, params),
  },

  transformResponse: (response) =>
    transformAgentPhoneResponse(response, agentphoneGetNumberMessagesTool),

  outputs: {
    data: {
      type: 'array',
      description: 'Messages received on the number',
      items: { type: 'object', properties: NUMBER_MESSAGE_OUTPUT_PROPERTIES },
    },
    hasMore: { type: 'boolean', description: 'Whether more messages are available' },
  },
}

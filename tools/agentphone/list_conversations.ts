import { agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  AGENTPHONE_PAGE_PARAMS,
  type AgentPhoneListConversationsParams,
  type AgentPhoneListConversationsResult,
  CONVERSATION_OUTPUT_PROPERTIES,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneListConversationsTool: ToolConfig<
  AgentPhoneListConversationsParams,
  AgentPhoneListConversationsResult
> = {
  id: 'agentphone_list_conversations',
  name: 'List Conversations',
  description: 'List conversations (message threads) for this AgentPhone account',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    ...AGENTPHONE_PAGE_PARAMS,
  },

  request: {
    url: (params) =>
      agentphoneUrl(agentphoneListConversationsTool, params, '/v1/conversations', [
        'limit',
        'offset',
      ]),
    method: 'GET',
    headers: (params) => agentphoneHeaders(agentphoneListConversationsTool, params),
  },

  transformResponse: (response) =>
    transformAgentPhoneResponse(response, agentphoneListConversationsTool),

  outputs: {
    data: {
      type: 'array',
      description: 'Conversations',
      items: { type: 'object', properties: CONVERSATION_OUTPUT_PROPERTIES },
    },
    hasMore: { type: 'boolean', description: 'Whether more results are available' },
    total: { type: 'number', description: 'Total number of conversations' },
  },
}

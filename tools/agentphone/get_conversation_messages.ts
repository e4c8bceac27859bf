import { agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  AGENTPHONE_CONVERSATION_ID_PARAMS,
  AGENTPHONE_MESSAGE_CURSOR_PARAMS,
  type AgentPhoneGetConversationMessagesParams,
  type AgentPhoneGetConversationMessagesResult,
  CONVERSATION_MESSAGE_OUTPUT_PROPERTIES,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneGetConversationMessagesTool: ToolConfig<
  AgentPhoneGetConversationMessagesParams,
  AgentPhoneGetConversationMessagesResult
> = {
  id: 'agentphone_get_conversation_messages',
  name: 'Get Conversation Messages',
  description: 'Get paginated messages for a conversation',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    ...AGENTPHONE_CONVERSATION_ID_PARAMS,
    ...AGENTPHONE_MESSAGE_CURSOR_PARAMS,
  },

  request: {
    url: (params) =>
      agentphoneUrl(
        agentphoneGetConversationMessagesTool,
        params,
        '/v1/conversations/{conversationId}/messages',
        ['limit', 'before', 'after']
      ),
    method: 'GET',
    headers: (params) => agentphoneHeaders(agentphoneGetConversationMessagesTool, params),
  },

  transformResponse: (response) =>
    transformAgentPhoneResponse(response, agentphoneGetConversationMessagesTool),

  outputs: {
    data: {
      type: 'array',
      description: 'Messages in the conversation',
      items: { type: 'object', properties: CONVERSATION_MESSAGE_OUTPUT_PROPERTIES },
    },
    hasMore: { type: 'boolean', description: 'Whether more messages are available' },
  },
}

import { agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  AGENTPHONE_CONVERSATION_ID_PARAMS,
  type AgentPhoneGetConversationParams,
  type AgentPhoneGetConversationResult,
  CONVERSATION_MESSAGE_OUTPUT_PROPERTIES,
  CONVERSATION_OUTPUT_PROPERTIES,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneGetConversationTool: ToolConfig<
  AgentPhoneGetConversationParams,
  AgentPhoneGetConversationResult
> = {
  id: 'agentphone_get_conversation',
  name: 'Get Conversation',
  description: 'Get a conversation along with its recent messages',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    ...AGENTPHONE_CONVERSATION_ID_PARAMS,
    messageLimit: {
      type: 'number',
      required: false,
      visibility: 'user-or-llm',
      description: 'Number of recent messages to include (default 50, max 100)',
    },
  },

  request: {
    url: (params) =>
      agentphoneUrl(
        agentphoneGetConversationTool,
        params,
        '/v1/conversations/{conversationId}',
        (params) => ({ message_limit: params.messageLimit })
      ),
    method: 'GET',
    headers: (params) => agentphoneHeaders(agentphoneGetConversationTool, params),
  },

  transformResponse: (response) =>
    transformAgentPhoneResponse(response, agentphoneGetConversationTool),

  outputs: {
    id: CONVERSATION_OUTPUT_PROPERTIES.id,
    agentId: CONVERSATION_OUTPUT_PROPERTIES.agentId,
    phoneNumberId: CONVERSATION_OUTPUT_PROPERTIES.phoneNumberId,
    phoneNumber: CONVERSATION_OUTPUT_PROPERTIES.phoneNumber,
    participant: CONVERSATION_OUTPUT_PROPERTIES.participant,
    lastMessageAt: CONVERSATION_OUTPUT_PROPERTIES.lastMessageAt,
    messageCount: CONVERSATION_OUTPUT_PROPERTIES.messageCount,
    metadata: CONVERSATION_OUTPUT_PROPERTIES.metadata,
    createdAt: CONVERSATION_OUTPUT_PROPERTIES.createdAt,
    messages: {
      type: 'array',
      description: 'Recent messages in the conversation',
      items: { type: 'object', properties: CONVERSATION_MESSAGE_OUTPUT_PROPERTIES },
    },
  },
}

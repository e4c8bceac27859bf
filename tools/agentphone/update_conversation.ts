import { agentphoneBody, agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  AGENTPHONE_CONVERSATION_ID_PARAMS,
  type AgentPhoneUpdateConversationParams,
  type AgentPhoneUpdateConversationResult,
  CONVERSATION_OUTPUT_PROPERTIES,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneUpdateConversationTool: ToolConfig<
  AgentPhoneUpdateConversationParams,
  AgentPhoneUpdateConversationResult
> = {
  id: 'agentphone_update_conversation',
  name: 'Update Conversation',
  description: 'Update conversation metadata (stored state). Pass null to clear existing metadata.',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    ...AGENTPHONE_CONVERSATION_ID_PARAMS,
    metadata: {
      type: 'json',
      required: false,
      visibility: 'user-or-llm',
      description:
        'Custom key-value metadata to store on the conversation. Pass null to clear existing metadata.',
    },
  },

  request: {
    url: (params) =>
      agentphoneUrl(agentphoneUpdateConversationTool, params, '/v1/conversations/{conversationId}'),
    method: 'PATCH',
    headers: (params) => agentphoneHeaders(agentphoneUpdateConversationTool, params),
    body: (params) => agentphoneBody(agentphoneUpdateConversationTool, params, ['metadata']),
  },

  transformResponse: (response) =>
    transformAgentPhoneResponse(response, agentphoneUpdateConversationTool),

  outputs: {
    id: CONVERSATION_OUTPUT_PROPERTIES.id,
    agentId: CONVERSATION_OUTPUT_PROPERTIES.agentId,
    phoneNumberId: CONVERSATION_OUTPUT_PROPERTIES.phoneNumberId,
    phoneNumber: CONVERSATION_OUTPUT_PROPERTIES.phoneNumber,
    participant: CONVERSATION_OUTPUT_PROPERTIES.participant,
    lastMessageAt: CONVERSATION_OUTPUT_PROPERTIES.lastMessageAt,
    messageCount: { type: 'number', description: 'Number of messages' },
    metadata: CONVERSATION_OUTPUT_PROPERTIES.metadata,
    createdAt: CONVERSATION_OUTPUT_PROPERTIES.createdAt,
    messages: {
      type: 'array',
      description: 'Messages in the conversation',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', description: 'Message ID' },
          body: { type: 'string', description: 'Message body' },
          fromNumber: { type: 'string', description: 'Sender phone number' },
          toNumber: { type: 'string', description: 'Recipient phone number' },
          direction: { type: 'string', description: 'inbound or outbound' },
          channel: { type: 'string', description: 'Channel (sms, mms, etc.)' },
          mediaUrl: { type: 'string', description: 'Media URL if any' },
          mediaUrls: {
            type: 'array',
            description: 'All attached media URLs',
            items: { type: 'string' },
          },
          receivedAt: { type: 'string', description: 'ISO 8601 timestamp' },
        },
      },
    },
  },
}

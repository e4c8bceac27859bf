import { agentphoneBody, agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  type AgentPhoneReactToMessageParams,
  type AgentPhoneReactToMessageResult,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneReactToMessageTool: ToolConfig<
  AgentPhoneReactToMessageParams,
  AgentPhoneReactToMessageResult
> = {
  id: 'agentphone_react_to_message',
  name: 'React to Message',
  description: 'Send an iMessage tapback reaction to a message (iMessage only)',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    messageId: {
      type: 'string',
      required: true,
      visibility: 'user-or-llm',
      description: 'ID of the message to react to',
    },
    reaction: {
      type: 'string',
      required: true,
      visibility: 'user-or-llm',
      description: 'Reaction type: love, like, dislike, laugh, emphasize, or question',
    },
  },

  request: {
    url: (params) =>
      agentphoneUrl(agentphoneReactToMessageTool, params, '/v1/messages/{messageId}/reactions'),
    method: 'POST',
    headers: (params) => agentphoneHeaders(agentphoneReactToMessageTool, params),
    body: (params) => agentphoneBody(agentphoneReactToMessageTool, params, ['reaction']),
  },

  transformResponse: (response) =>
    transformAgentPhoneResponse(response, agentphoneReactToMessageTool),

  outputs: {
    id: { type: 'string', description: 'Reaction ID' },
    reactionType: { type: 'string', description: 'Reaction type applied' },
    messageId: { type: 'string', description: 'ID of the message that was reacted to' },
    channel: { type: 'string', description: 'Channel (imessage)' },
  },
}

import { agentphoneBody, agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  type AgentPhoneSendMessageParams,
  type AgentPhoneSendMessageResult,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneSendMessageTool: ToolConfig<
  AgentPhoneSendMessageParams,
  AgentPhoneSendMessageResult
> = {
  id: 'agentphone_send_message',
  name: 'Send Message',
  description: 'Send an outbound SMS or iMessage from an AgentPhone agent',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    agentId: {
      type: 'string',
      required: true,
      visibility: 'user-or-llm',
      description: 'Agent sending the message',
    },
    toNumber: {
      type: 'string',
      required: true,
      visibility: 'user-or-llm',
      description: 'Recipient phone number in E.164 format (e.g. +14155551234)',
    },
    body: {
      type: 'string',
      required: true,
      visibility: 'user-or-llm',
      description: 'Message text to send',
    },
    mediaUrl: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description: 'Optional URL of an image, video, or file to attach',
    },
    numberId: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description:
        "Phone number ID to send from. If omitted, the agent's first assigned number is used.",
    },
  },

  request: {
    url: (params) => agentphoneUrl(agentphoneSendMessageTool, params, '/v1/messages'),
    method: 'POST',
    headers: (params) => agentphoneHeaders(agentphoneSendMessageTool, params),
    body: (params) =>
      agentphoneBody(agentphoneSendMessageTool, params, (params) => ({
        agent_id: params.agentId,
        to_number: params.toNumber,
        body: params.body,
        media_urls: params.mediaUrl === undefined ? undefined : [params.mediaUrl],
        number_id: params.numberId,
      })),
  },

  transformResponse: (response) => transformAgentPhoneResponse(response, agentphoneSendMessageTool),

  outputs: {
    id: { type: 'string', description: 'Message ID' },
    status: { type: 'string', description: 'Delivery status' },
    channel: { type: 'string', description: 'sms, mms, or imessage' },
    fromNumber: { type: 'string', description: 'Sender phone number' },
    toNumber: { type: 'string', description: 'Recipient phone number' },
  },
}

import { defineAgentPhoneTool } from './define.js'
import { out } from './outputs.js'
import { params } from './params.js'

export const sendMessageTool = defineAgentPhoneTool({
  operation: 'send_message',
  name: 'AgentPhone Send Message',
  description: 'Send an outbound SMS or iMessage from an AgentPhone agent',
  params: {
    agentId: params.id('Agent sending the message').required(),
    toNumber: params.phone('Recipient phone number in E.164 format (e.g. +14155551234)').required(),
    body: params.text('Message text to send').required(),
    mediaUrl: params.url('Optional URL of an image, video, or file to attach'),
    numberId: params.id(
      "Phone number ID to send from. If omitted, the agent's first assigned number is used."
    ),
  },
  method: 'POST',
  path: () => '/v1/messages',
  // This endpoint's body is snake_case; `media_url` (singular) is deprecated in favour of a list.
  body: (p) => ({
    agent_id: p.agentId,
    to_number: p.toNumber,
    body: p.body,
    media_urls: p.mediaUrl === undefined ? undefined : [p.mediaUrl],
    number_id: p.numberId,
  }),
  outputs: {
    id: out.string('Message ID'),
    status: out.string('Delivery status'),
    channel: out.string('sms, mms, or imessage'),
    fromNumber: out.string('Sender phone number'),
    toNumber: out.string('Recipient phone number'),
  },
})

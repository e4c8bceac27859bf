import { apiPath, defineAgentPhoneTool } from './define.js'
import { out } from './outputs.js'
import { params } from './params.js'

export const REACTIONS = ['love', 'like', 'dislike', 'laugh', 'emphasize', 'question'] as const

export const reactToMessageTool = defineAgentPhoneTool({
  operation: 'react_to_message',
  name: 'AgentPhone React to Message',
  description: 'Send an iMessage tapback reaction to a message (iMessage only)',
  params: {
    messageId: params.id('ID of the message to react to').required(),
    reaction: params
      .oneOf('Reaction type: love, like, dislike, laugh, emphasize, or question', REACTIONS)
      .required(),
  },
  method: 'POST',
  path: (p) => apiPath`/v1/messages/${p.messageId}/reactions`,
  body: ['reaction'],
  outputs: {
    id: out.string('Reaction ID'),
    reactionType: out.string('Reaction type applied'),
    messageId: out.string('ID of the message that was reacted to'),
    channel: out.string('Channel (imessage)'),
  },
})

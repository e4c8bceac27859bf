import { apiPath, defineAgentPhoneTool } from './define.js'
import { conversationDetailFields, messageFields, withFirstMediaUrl } from './entities.js'
import { describedAs, out } from './outputs.js'
import { params } from './params.js'

export const updateConversationTool = defineAgentPhoneTool({
  operation: 'update_conversation',
  name: 'AgentPhone Update Conversation',
  description: 'Update conversation metadata (stored state). Pass null to clear existing metadata.',
  params: {
    conversationId: params.id('Conversation ID').required(),
    metadata: params.jsonObject(
      'Custom key-value metadata to store on the conversation. Pass null to clear existing metadata.'
    ),
  },
  method: 'PATCH',
  path: (p) => apiPath`/v1/conversations/${p.conversationId}`,
  // Absent metadata is left out (unchanged); null is sent as null (cleared).
  body: ['metadata'],
  atLeastOneOf: ['metadata'],
  outputs: {
    ...describedAs(conversationDetailFields, { messageCount: 'Number of messages' }),
    messages: out.list(
      'Messages in the conversation',
      describedAs(messageFields, {
        body: 'Message body',
        channel: 'Channel (sms, mms, etc.)',
        mediaUrl: 'Media URL if any',
      }),
      withFirstMediaUrl
    ),
  },
})

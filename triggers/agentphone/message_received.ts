import { AgentPhoneIcon } from '@/components/icons'
import { buildTriggerSubBlocks } from '@/triggers'
import {
  agentphoneSetupInstructions,
  agentphoneTriggerOptions,
  buildAgentphoneExtraFields,
  buildMessageReceivedOutputs,
} from '@/triggers/agentphone/utils'
import type { TriggerConfig } from '@/triggers/types'

/** AgentPhone Message Received: starts on the `agent.message` event. */
export const agentphoneMessageReceivedTrigger: TriggerConfig = {
  id: 'agentphone_message_received',
  name: 'AgentPhone Message Received',
  provider: 'agentphone',
  description:
    'Trigger workflow when an inbound SMS, MMS or iMessage reaches one of your AgentPhone numbers',
  version: '1.0.0',
  icon: AgentPhoneIcon,

  subBlocks: buildTriggerSubBlocks({
    triggerId: 'agentphone_message_received',
    triggerOptions: agentphoneTriggerOptions,
    includeDropdown: true,
    setupInstructions: agentphoneSetupInstructions('agent.message'),
    extraFields: buildAgentphoneExtraFields('agentphone_message_received'),
  }),

  outputs: buildMessageReceivedOutputs(),

  webhook: {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
    },
  },
}

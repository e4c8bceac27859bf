import { AgentPhoneIcon } from '@/components/icons'
import { buildTriggerSubBlocks } from '@/triggers'
import {
  agentphoneSetupInstructions,
  agentphoneTriggerOptions,
  buildAgentphoneExtraFields,
  buildReactionReceivedOutputs,
} from '@/triggers/agentphone/utils'
import type { TriggerConfig } from '@/triggers/types'

/** AgentPhone Reaction Received: starts on the `agent.reaction` event. */
export const agentphoneReactionReceivedTrigger: TriggerConfig = {
  id: 'agentphone_reaction_received',
  name: 'AgentPhone Reaction Received',
  provider: 'agentphone',
  description: 'Trigger workflow when someone reacts to a message with an iMessage tapback',
  version: '1.0.0',
  icon: AgentPhoneIcon,

  subBlocks: buildTriggerSubBlocks({
    triggerId: 'agentphone_reaction_received',
    triggerOptions: agentphoneTriggerOptions,

    setupInstructions: agentphoneSetupInstructions('agent.reaction'),
    extraFields: buildAgentphoneExtraFields('agentphone_reaction_received'),
  }),

  outputs: buildReactionReceivedOutputs(),

  webhook: {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
    },
  },
}

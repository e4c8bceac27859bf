import { AgentPhoneIcon } from '@/components/icons'
import { buildTriggerSubBlocks } from '@/triggers'
import {
  agentphoneSetupInstructions,
  agentphoneTriggerOptions,
  buildAgentphoneExtraFields,
  buildCallEndedOutputs,
} from '@/triggers/agentphone/utils'
import type { TriggerConfig } from '@/triggers/types'

/** AgentPhone Call Ended: starts on the `agent.call_ended` event. */
export const agentphoneCallEndedTrigger: TriggerConfig = {
  id: 'agentphone_call_ended',
  name: 'AgentPhone Call Ended',
  provider: 'agentphone',
  description: 'Trigger workflow when an AgentPhone voice call ends, with its transcript',
  version: '1.0.0',
  icon: AgentPhoneIcon,

  subBlocks: buildTriggerSubBlocks({
    triggerId: 'agentphone_call_ended',
    triggerOptions: agentphoneTriggerOptions,

    setupInstructions: agentphoneSetupInstructions('agent.call_ended'),
    extraFields: buildAgentphoneExtraFields('agentphone_call_ended'),
  }),

  outputs: buildCallEndedOutputs(),

  webhook: {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
    },
  },
}

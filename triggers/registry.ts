/**
 * The triggers this project has, keyed by id, as Sim's `TRIGGER_REGISTRY` keys them (a Sim
 * checkout gets these rows added to its own registry). Not exported.
 */
import {
  agentphoneCallEndedTrigger,
  agentphoneMessageReceivedTrigger,
  agentphoneReactionReceivedTrigger,
} from '@/triggers/agentphone'
import type { TriggerRegistry } from '@/triggers/types'

/**
 * Read on use: a trigger file imports `@/triggers`, which imports this registry, so whichever
 * module loads first, no entry is read before its trigger file has finished loading.
 */
export const TRIGGER_REGISTRY: TriggerRegistry = Object.defineProperties(
  {},
  {
    agentphone_message_received: { enumerable: true, get: () => agentphoneMessageReceivedTrigger },
    agentphone_call_ended: { enumerable: true, get: () => agentphoneCallEndedTrigger },
    agentphone_reaction_received: {
      enumerable: true,
      get: () => agentphoneReactionReceivedTrigger,
    },
  }
)

/** Every block a workflow may hold, keyed by Sim's block type. The editor renders from this. */
import { AgentPhoneBlock, type BlockConfig } from '../../blocks/index.js'
import { TRIGGER_REGISTRY } from '../../triggers/registry'
import { ConditionBlock } from './condition.js'
import { ResponseBlock } from './response.js'
import { StartTriggerBlock } from './start.js'

export { ConditionBlock, ResponseBlock, StartTriggerBlock }

/**
 * The triggers a workflow can start on, as an editor's palette offers them (Sim's Triggers list):
 * each is a block of `blockType` in trigger mode, set to the trigger `id`.
 */
export interface WorkflowTrigger {
  id: string
  blockType: string
  name: string
  description: string
}

export const workflowTriggers: WorkflowTrigger[] = (AgentPhoneBlock.triggers?.available ?? []).map(
  (id) => {
    const trigger = TRIGGER_REGISTRY[id]
    if (!trigger) throw new Error(`The AgentPhone block lists the unknown trigger ${id}`)
    return {
      id,
      blockType: AgentPhoneBlock.type,
      name: trigger.name,
      description: trigger.description,
    }
  }
)

export const workflowBlocks: Record<string, BlockConfig> = {
  start_trigger: StartTriggerBlock,
  agentphone: AgentPhoneBlock,
  condition: ConditionBlock,
  response: ResponseBlock,
}

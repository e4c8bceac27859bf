/** Every block a workflow may hold, keyed by Sim's block type. The editor renders from this. */
import { AgentPhoneBlock, type BlockConfig } from '../../blocks/index.js'
import { ConditionBlock } from './condition.js'
import { ResponseBlock } from './response.js'
import { StartTriggerBlock } from './start.js'

export { ConditionBlock, ResponseBlock, StartTriggerBlock }

export const workflowBlocks: Record<string, BlockConfig> = {
  start_trigger: StartTriggerBlock,
  agentphone: AgentPhoneBlock,
  condition: ConditionBlock,
  response: ResponseBlock,
}

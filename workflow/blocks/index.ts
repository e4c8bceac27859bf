/** Every block a workflow may hold, keyed by Sim's block type. The editor renders from this. */
import { AgentPhoneBlock } from '../../blocks/index.js'
import { ConditionBlock } from './condition.js'
import { ResponseBlock } from './response.js'
import { StartTriggerBlock } from './start.js'
import type { WorkflowBlockConfig } from './types.js'

export type { CoreSubBlockType, WorkflowBlockConfig, WorkflowSubBlockConfig } from './types.js'
export { ConditionBlock, ResponseBlock, StartTriggerBlock }

export const workflowBlocks: Record<string, WorkflowBlockConfig> = {
  start_trigger: StartTriggerBlock,
  agentphone: AgentPhoneBlock,
  condition: ConditionBlock,
  response: ResponseBlock,
}

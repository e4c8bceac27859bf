/** The workflow runtime: Sim-format workflows of AgentPhone, Start, Condition and Response blocks. */
export { workflowBlocks } from './blocks/index.js'
export {
  type BlockRecord,
  type BlockStartedEvent,
  type BlockStatus,
  type RunEvent,
  type RunOptions,
  type RunResult,
  runWorkflow,
} from './engine.js'
export { type BlockHandler, blockHandlers } from './handlers.js'
export { type LoadResult, loadWorkflow } from './load.js'
export type { BlockState, WorkflowEdge, WorkflowFile } from './schema.js'

/**
 * The block registry's entry type: Sim's `BlockConfig` shape (from `blocks/types.ts`), widened for
 * the core blocks, which use Sim's own editor field types (`input-format`, `condition-input`, …)
 * and call no tool (`tools: {access: []}`).
 */
import type { BlockConfig, SubBlockConfig } from '../../blocks/index.js'

export type CoreSubBlockType = 'input-format' | 'condition-input' | 'code' | 'table' | 'switch'

export type WorkflowSubBlockConfig =
  | SubBlockConfig
  | (Omit<SubBlockConfig, 'type'> & {
      type: CoreSubBlockType
      description?: string
      language?: 'json' | 'javascript'
      columns?: string[]
      defaultValue?: unknown
    })

export type WorkflowBlockConfig = Omit<BlockConfig, 'tools' | 'subBlocks'> & {
  subBlocks: WorkflowSubBlockConfig[]
  tools: { access: string[]; config?: BlockConfig['tools']['config'] }
  /** Blocks a run can start from (Sim: `category: 'triggers'`). */
  triggers?: { enabled: boolean; available: string[] }
}

/**
 * Sim's Condition block: `conditions` is a list (or its JSON text) of `{id, title, value}` where
 * `title` is `if`, `else if` or `else`; the branch taken leaves through handle `condition-<id>`.
 */
import type { BlockConfig } from '../../blocks/index.js'
import { ConditionalIcon } from './icons.js'

export const ConditionBlock: BlockConfig = {
  type: 'condition',
  name: 'Condition',
  description: 'Add a condition',
  longDescription:
    'This is a core workflow block. Add a condition to the workflow to branch the execution path based on a boolean expression.',
  docsLink: 'https://docs.sim.ai/workflows/blocks/condition',
  bgColor: '#FF752F',
  icon: ConditionalIcon,
  category: 'blocks',
  subBlocks: [{ id: 'conditions', type: 'condition-input' }],
  tools: { access: [] },
  inputs: {},
  outputs: {
    conditionResult: { type: 'boolean', description: 'Condition result' },
    selectedPath: { type: 'json', description: 'Selected execution path' },
    selectedOption: { type: 'string', description: 'Selected condition option ID' },
  },
}

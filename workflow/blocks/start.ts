/** Sim's Start block (`start_trigger`): the run's input, typed by its `inputFormat` fields. */
import type { BlockConfig } from '../../blocks/index.js'
import { StartIcon } from './icons.js'

export const StartTriggerBlock: BlockConfig = {
  type: 'start_trigger',
  name: 'Start',
  description: 'Unified workflow entry point for chat, manual and API runs',
  longDescription:
    'Collect structured inputs and power manual runs, API executions, and deployed chat experiences from a single start block.',
  category: 'triggers',
  bgColor: '#34B5FF',
  docsLink: 'https://docs.sim.ai/workflows/triggers/start',
  icon: StartIcon,
  subBlocks: [
    {
      id: 'inputFormat',
      title: 'Inputs',
      type: 'input-format',
      description: 'Add custom fields beyond the built-in input, conversationId, and files fields.',
    },
  ],
  tools: { access: [] },
  inputs: {},
  // As in Sim: the outputs are the input fields themselves, read as <start.fieldName>.
  outputs: {},
  triggers: { enabled: true, available: ['chat', 'manual', 'api'] },
}

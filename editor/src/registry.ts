/** The blocks the editor offers: the workflow runtime's registry, keyed by Sim block type. */
import { workflowBlocks } from '../../workflow/blocks/index.js'

export const registry = workflowBlocks

/** The blocks the editor offers: the workflow runtime's registry, keyed by Sim block type. */
import { workflowBlocks, workflowTriggers } from '../../workflow/blocks/index.js'

export const registry = workflowBlocks

/** The triggers the palette offers: an integration block added in trigger mode. */
export const triggers = workflowTriggers

/** The blocks the editor offers: the workflow runtime's registry, keyed by Sim block type. */
import { getAllTriggers } from '../../triggers/index.js'
import { workflowBlocks } from '../../workflow/blocks/index.js'

export const registry = workflowBlocks

/** Sim's triggers: each is added as its provider's block in trigger mode. */
export const triggers = getAllTriggers()

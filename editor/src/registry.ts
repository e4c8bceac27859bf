/** The blocks the editor offers, keyed by type. */
import { AgentPhoneBlock } from '../../blocks/index.js'
import type { Registry } from './model/workflow.js'

export const registry: Registry = { [AgentPhoneBlock.type]: AgentPhoneBlock }

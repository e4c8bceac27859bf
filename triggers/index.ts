/**
 * This project's own version of what Sim's `@/triggers` offers the trigger files and blocks:
 * `buildTriggerSubBlocks` (the standard trigger fields) and `getTrigger` (a registered trigger,
 * its display-only fields namespaced so several triggers can share one block). Written to behave
 * as Sim's does; not exported (a Sim checkout has its own).
 */
// First: the trigger files use it while the registry below is loading them.
export { type BuildTriggerSubBlocksOptions, buildTriggerSubBlocks } from '@/triggers/build'

import type { SubBlockConfig } from '@/blocks/types'
import { TRIGGER_REGISTRY } from '@/triggers/registry'
import type { TriggerConfig } from '@/triggers/types'

export type { TriggerConfig } from '@/triggers/types'

/** Display-only fields: text, or read-only inputs. */
const isDisplayOnly = (subBlock: SubBlockConfig) =>
  subBlock.type === 'text' || subBlock.readOnly === true

/**
 * `webhookUrlDisplay` → `webhookUrlDisplay_<triggerId>` for display-only fields shown for one
 * trigger, so a block holding several triggers keeps each one's copy apart. Fields the user fills
 * in keep their ids, so their values carry over when the trigger type changes.
 */
function namespaced(subBlock: SubBlockConfig, triggerId: string): SubBlockConfig {
  if (subBlock.id === 'selectedTriggerId' || !isDisplayOnly(subBlock)) return subBlock
  const condition =
    typeof subBlock.condition === 'function' ? subBlock.condition() : subBlock.condition
  return condition?.field === 'selectedTriggerId'
    ? { ...subBlock, id: `${subBlock.id}_${triggerId}` }
    : subBlock
}

export function getTrigger(triggerId: string): TriggerConfig {
  const trigger = TRIGGER_REGISTRY[triggerId]
  if (!trigger) throw new Error(`Trigger not found: ${triggerId}`)
  return {
    ...trigger,
    subBlocks: trigger.subBlocks.map((subBlock) => namespaced(subBlock, triggerId)),
  }
}

export const getAllTriggers = () => Object.keys(TRIGGER_REGISTRY).map(getTrigger)

export const isTriggerValid = (triggerId: string) => triggerId in TRIGGER_REGISTRY

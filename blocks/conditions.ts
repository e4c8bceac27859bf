/** How an editor decides which fields of a block are shown and which of those must be filled. */
import type {
  BlockConfig,
  BlockValues,
  SubBlockCondition,
  SubBlockConfig,
  SubBlockOption,
} from '@/blocks/types'
import { isBlank } from '@/tools/agentphone/params'

function holds(
  field: string,
  value: SubBlockCondition['value'] | undefined,
  not: boolean | undefined,
  values: BlockValues
): boolean {
  const actual = values[field]
  const matches = Array.isArray(value)
    ? (value as unknown[]).includes(actual)
    : value === undefined
      ? actual === undefined
      : actual === value
  return not ? !matches : matches
}

/** A condition, or a function of the values that returns one, evaluated against the values. */
export function conditionHolds(
  condition: SubBlockCondition | ((values?: Record<string, unknown>) => SubBlockCondition),
  values: BlockValues
): boolean {
  const resolved = typeof condition === 'function' ? condition(values) : condition
  const { and } = resolved
  return (
    holds(resolved.field, resolved.value, resolved.not, values) &&
    (and === undefined || holds(and.field, and.value, and.not, values))
  )
}

/** A field of the block's trigger mode (Sim's `mode: 'trigger'`), not of its operations. */
export const isTriggerField = (subBlock: SubBlockConfig) =>
  subBlock.mode === 'trigger' || subBlock.mode === 'trigger-advanced'

/**
 * Shown while its condition holds, and only in its own mode: trigger fields on a block in trigger
 * mode, the others on a block running an operation (the default).
 */
export function isVisible(
  subBlock: SubBlockConfig,
  values: BlockValues,
  { triggerMode = false }: { triggerMode?: boolean } = {}
): boolean {
  if (isTriggerField(subBlock) !== triggerMode) return false
  return subBlock.condition === undefined || conditionHolds(subBlock.condition, values)
}

/** Required and shown: a hidden field is never required. */
export function isRequired(subBlock: SubBlockConfig, values: BlockValues): boolean {
  const { required } = subBlock
  if (!isVisible(subBlock, values) || required === undefined) return false
  return typeof required === 'boolean' ? required : conditionHolds(required, values)
}

export const visibleSubBlocks = (block: BlockConfig, values: BlockValues) =>
  block.subBlocks.filter((subBlock) => isVisible(subBlock, values))

/** The shown, required fields left empty, as the editor would flag them before a run. */
export const missingRequiredFields = (block: BlockConfig, values: BlockValues) =>
  block.subBlocks.filter((subBlock) => isRequired(subBlock, values) && isBlank(values[subBlock.id]))

/** A dropdown's options, whether listed or built by a function of the block's values. */
export const optionsOf = (subBlock: SubBlockConfig, values: BlockValues = {}): SubBlockOption[] =>
  typeof subBlock.options === 'function' ? subBlock.options({ values }) : (subBlock.options ?? [])

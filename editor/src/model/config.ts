/**
 * The editor reads block configs generically, as Sim's `BlockConfig`s: which fields show, which are
 * required, what a new block starts with.
 */
import {
  type BlockConfig,
  type BlockValues,
  isVisible,
  optionsOf as listOptions,
  isRequired as requiredHolds,
  type SubBlockConfig,
} from '../../../blocks/index.js'

export type { BlockConfig, BlockValues, SubBlockConfig }

/** Sim has many more subBlock types than this package declares; any of them may arrive. */
export type EditorSubBlock = Omit<SubBlockConfig, 'type'> & { type: string; columns?: string[] }

export const subBlocksOf = (config: BlockConfig) => config.subBlocks as EditorSubBlock[]

export const presentationOf = (config: BlockConfig) => config.canvasPresentation

/**
 * Shown (its condition holds) and not hidden; `advanced` fields only in advanced mode; trigger
 * fields only on a block in trigger mode, and only those there.
 */
export function isShown(
  subBlock: EditorSubBlock,
  values: BlockValues,
  advanced: boolean,
  triggerMode = false
) {
  if (subBlock.hidden) return false
  if ((subBlock.mode === 'advanced' || subBlock.mode === 'trigger-advanced') && !advanced) {
    return false
  }
  return isVisible(subBlock as SubBlockConfig, values, { triggerMode })
}

export const hasAdvancedFields = (config: BlockConfig) =>
  subBlocksOf(config).some((subBlock) => subBlock.mode === 'advanced')

export const isRequired = (subBlock: EditorSubBlock, values: BlockValues) =>
  requiredHolds(subBlock as SubBlockConfig, values)

export const optionsOf = (subBlock: EditorSubBlock, values: BlockValues = {}) =>
  listOptions(subBlock as SubBlockConfig, values)

/** The value a new block's field starts with: its `value()` builder, else its `defaultValue`. */
export function initialValuesOf(config: BlockConfig): BlockValues {
  const values: BlockValues = {}
  for (const subBlock of subBlocksOf(config)) {
    if (subBlock.value) values[subBlock.id] = subBlock.value(values)
    else if (subBlock.defaultValue !== undefined) values[subBlock.id] = subBlock.defaultValue
  }
  return values
}

/** The label of a dropdown value, or the value itself. */
export function optionLabel(subBlock: EditorSubBlock, value: unknown, values: BlockValues = {}) {
  const option = optionsOf(subBlock, values).find((candidate) => candidate.id === value)
  return option?.label ?? String(value ?? '')
}

/** A field's label: its title, else its id as words ("inputFormat" reads "Input format"). */
export function titleOf(subBlock: EditorSubBlock): string {
  if (subBlock.title) return subBlock.title
  const words = subBlock.id.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

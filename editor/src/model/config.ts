/**
 * The editor reads block configs generically. Sim's `BlockConfig` has more optional fields than
 * this package declares; the editor honours the ones listed here when a config carries them.
 */
import {
  isVisible,
  optionsOf as listOptions,
  isRequired as requiredHolds,
} from '../../../blocks/conditions.js'
import type {
  BlockConfig,
  BlockValues,
  DropdownOption,
  SubBlockConfig,
} from '../../../blocks/types.js'

export type { BlockConfig, BlockValues, DropdownOption, SubBlockConfig }

/** One clause of a card sentence, as Sim declares it. */
export type SentenceClause =
  | string
  | { text?: string; field: string | readonly string[]; after?: string; core?: boolean }

export interface CanvasPresentation {
  defaultTitle?: string
  operationSubBlockId?: string
  sentences?: {
    default?: readonly SentenceClause[]
    byOperation?: Record<string, readonly SentenceClause[]>
  }
}

/** The optional Sim fields a subBlock may carry beyond what `SubBlockConfig` declares. */
export interface SubBlockExtras {
  canvasNoun?: string
  description?: string
  defaultValue?: unknown
  language?: string
  rows?: number
  min?: number
  max?: number
  step?: number
  columns?: string[]
  hidden?: boolean
  wandConfig?: { enabled: boolean; prompt: string; placeholder?: string }
}

/** Sim has many more subBlock types than this package declares; any of them may arrive. */
export type EditorSubBlock = Omit<SubBlockConfig, 'type'> & SubBlockExtras & { type: string }

export const subBlocksOf = (config: BlockConfig) => config.subBlocks as EditorSubBlock[]

export const presentationOf = (config: BlockConfig) =>
  (config as BlockConfig & { canvasPresentation?: CanvasPresentation }).canvasPresentation

/** Shown (its condition holds) and not hidden; `advanced` fields only in advanced mode. */
export function isShown(subBlock: EditorSubBlock, values: BlockValues, advanced: boolean) {
  if (subBlock.hidden) return false
  if (subBlock.mode === 'advanced' && !advanced) return false
  return isVisible(subBlock as SubBlockConfig, values)
}

export const hasAdvancedFields = (config: BlockConfig) =>
  subBlocksOf(config).some((subBlock) => subBlock.mode === 'advanced')

export const isRequired = (subBlock: EditorSubBlock, values: BlockValues) =>
  requiredHolds(subBlock as SubBlockConfig, values)

export const optionsOf = (subBlock: EditorSubBlock) => listOptions(subBlock as SubBlockConfig)

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
export function optionLabel(subBlock: EditorSubBlock, value: unknown): string {
  const option = optionsOf(subBlock).find((candidate) => candidate.id === value)
  return option?.label ?? String(value ?? '')
}

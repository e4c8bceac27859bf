/**
 * Block definitions shaped like Sim's `BlockConfig`, so the AgentPhone block can be dropped into a
 * Sim checkout unchanged. Only the parts this package uses are declared.
 */
import type { ComponentType, SVGProps } from 'react'
import type { OutputProperty, ParamType } from '../tools/types.js'

export type BlockIcon = ComponentType<SVGProps<SVGSVGElement>>

export type BlockCategory = 'blocks' | 'tools' | 'triggers'

export enum AuthMode {
  OAuth = 'oauth',
  ApiKey = 'api_key',
  BotToken = 'bot_token',
}

export type SubBlockType =
  | 'short-input'
  | 'long-input'
  | 'dropdown'
  | 'combobox'
  | 'code'
  | 'switch'
  | 'slider'
  | 'checkbox-list'

/** `basic` fields show in the default view, `advanced` ones after the user opens advanced mode. */
export type SubBlockMode = 'basic' | 'advanced' | 'both'

/** The values a block holds, keyed by field id, as the editor stores them (mostly strings). */
export type BlockValues = Record<string, unknown>

type ConditionValue = string | number | boolean

/**
 * "Field `field` holds `value` (or one of `value`)", negated by `not`, narrowed by `and`. A field
 * with a condition is shown only while the condition holds.
 */
export interface FieldCondition {
  field: string
  value: ConditionValue | ConditionValue[]
  not?: boolean
  and?: {
    field: string
    value: ConditionValue | ConditionValue[] | undefined
    not?: boolean
  }
}

export interface DropdownOption {
  /** The stored value. */
  id: string
  label: string
  icon?: BlockIcon
}

export interface SubBlockConfig {
  id: string
  title?: string
  type: SubBlockType
  placeholder?: string
  /** A list, or a function that builds it when the editor opens the dropdown (as in Sim). */
  options?: DropdownOption[] | (() => DropdownOption[])
  /** The value a new block starts with. */
  value?: (values: BlockValues) => string
  /** Masks the input, for secrets. */
  password?: boolean
  mode?: SubBlockMode
  condition?: FieldCondition
  /** Always, never, or while a condition holds (e.g. only for some operations). */
  required?: boolean | FieldCondition
}

/** A block input: what a field holds once its string value has been converted. */
export interface BlockInput {
  type: ParamType
  description?: string
}

export interface BlockToolsConfig {
  /** Every tool the block may call. */
  access: string[]
  config: {
    /** The tool for these values, e.g. `agentphone_send_message`. */
    tool: (values: BlockValues) => string
    /** The tool's params for these values; throws a readable Error for a bad field value. */
    params: (values: BlockValues) => Record<string, unknown>
  }
}

export interface BlockConfig {
  type: string
  name: string
  description: string
  longDescription?: string
  docsLink?: string
  category: BlockCategory
  bgColor: string
  icon: BlockIcon
  authMode?: AuthMode
  subBlocks: SubBlockConfig[]
  tools: BlockToolsConfig
  inputs: Record<string, BlockInput>
  outputs: Record<string, OutputProperty>
}

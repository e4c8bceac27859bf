/**
 * This project's declaration of the Sim block types its block files use (`@/blocks/types`). In a
 * Sim checkout the same import resolves to Sim's own `apps/sim/blocks/types.ts`, so every name an
 * exported block file imports from here exists there with a compatible shape: `BlockConfig`,
 * `BlockMeta`, `SubBlockConfig`, `SubBlockType`, `BlockIcon`, `AuthMode`, `IntegrationType`, the
 * output and canvas-sentence types. Only the parts this project uses are declared.
 *
 * The names after "Not in Sim" are this project's own, for the runtime that is not exported.
 */
import type { ComponentType, JSX, SVGProps } from 'react'

export type BlockIcon = (props: SVGProps<SVGSVGElement>) => JSX.Element

/** The types a block input (a field's value once the block has read it) can have. */
export type ParamType = 'string' | 'number' | 'boolean' | 'json' | 'array' | 'file'

/** The types a block output can have. */
export type PrimitiveValueType =
  | 'string'
  | 'number'
  | 'boolean'
  | 'json'
  | 'array'
  | 'file'
  | 'file[]'
  | 'any'

export type BlockCategory = 'blocks' | 'tools' | 'triggers'

export enum IntegrationType {
  AI = 'ai',
  Analytics = 'analytics',
  Commerce = 'commerce',
  Communication = 'communication',
  Databases = 'databases',
  DevOps = 'devops',
  Documents = 'documents',
  Email = 'email',
  HR = 'hr',
  Marketing = 'marketing',
  Observability = 'observability',
  Productivity = 'productivity',
  Sales = 'sales',
  Search = 'search',
  Security = 'security',
  Support = 'support',
}

export enum AuthMode {
  OAuth = 'oauth',
  ApiKey = 'api_key',
  BotToken = 'bot_token',
}

/** The editor controls this project's blocks use (Sim has many more). */
export type SubBlockType =
  | 'short-input'
  | 'long-input'
  | 'dropdown'
  | 'combobox'
  | 'slider'
  | 'table'
  | 'code'
  | 'switch'
  | 'checkbox-list'
  | 'condition-input'
  | 'time-input'
  | 'webhook-config'
  | 'input-format'
  | 'response-format'
  | 'text'

/** What the AI-assist ("wand") button next to a field generates. */
export type GenerationType =
  | 'javascript-function-body'
  | 'typescript-function-body'
  | 'json-schema'
  | 'json-object'
  | 'json-array'
  | 'system-prompt'
  | 'timestamp'
  | 'timezone'
  | 'cron-expression'

type ConditionValue = string | number | boolean

/**
 * "Field `field` holds `value` (or one of `value`)", negated by `not`, narrowed by `and`. A field
 * with a condition is shown only while it holds; a `required` condition makes a field required
 * only while it holds.
 */
export interface SubBlockCondition {
  field: string
  value: ConditionValue | ConditionValue[]
  not?: boolean
  and?: {
    field: string
    value: ConditionValue | ConditionValue[] | undefined
    not?: boolean
  }
}

export interface SubBlockOption {
  /** The stored value. */
  id: string
  label: string
  icon?: ComponentType<{ className?: string }>
  group?: string
  hidden?: boolean
  description?: string
}

export interface WandConfig {
  enabled: boolean
  /** What the assistant is asked to produce for this field. */
  prompt: string
  generationType?: GenerationType
  /** The placeholder of the box where the user describes what they want. */
  placeholder?: string
  maintainHistory?: boolean
}

export interface SubBlockConfig {
  id: string
  title?: string
  /**
   * How the field reads inside a canvas sentence while it is empty ("a phone number"), when the
   * title lowered into prose would not read well mid-sentence.
   */
  canvasNoun?: string
  type: SubBlockType
  /** `basic` fields show by default, `advanced` ones once the user opens advanced mode. */
  mode?: 'basic' | 'advanced' | 'both' | 'trigger' | 'trigger-advanced'
  canonicalParamId?: string
  paramVisibility?: 'user-or-llm' | 'user-only' | 'llm-only' | 'hidden'
  /** Always, never, or while a condition holds. */
  required?: boolean | SubBlockCondition | ((values?: Record<string, unknown>) => SubBlockCondition)
  defaultValue?: string | number | boolean | Record<string, unknown> | Array<unknown>
  /** A list, or a function that builds it when the editor opens the dropdown. */
  options?: SubBlockOption[] | ((params?: { values: Record<string, unknown> }) => SubBlockOption[])
  min?: number
  max?: number
  step?: number
  integer?: boolean
  rows?: number
  placeholder?: string
  /** Masks the input, for secrets. */
  password?: boolean
  readOnly?: boolean
  /** A copy button next to the (read-only) value, e.g. a trigger's webhook URL. */
  showCopyButton?: boolean
  /** The field shows the trigger's webhook URL. */
  useWebhookUrl?: boolean
  /** Left out of the block's preview card (e.g. setup instructions). */
  hideFromPreview?: boolean
  hidden?: boolean
  description?: string
  tooltip?: string
  /** The value a new block starts with. */
  value?: (params: Record<string, unknown>) => string
  /** Shown only while the condition holds. */
  condition?: SubBlockCondition | ((values?: Record<string, unknown>) => SubBlockCondition)
  language?: 'javascript' | 'json' | 'python' | 'shell'
  generationType?: GenerationType
  wandConfig?: WandConfig
  dependsOn?: string[] | { all?: string[]; any?: string[] }
}

/**
 * One clause of a block card's summary sentence: literal copy, or copy around the value of the
 * first of `field` that is shown and filled. A `core` clause always renders, showing the field's
 * noun while it is empty; any other clause renders only once its field is filled.
 */
export type CanvasSentenceClause =
  | string
  | {
      text?: string
      field: string | readonly string[]
      after?: string
      core?: boolean
    }

export type CanvasSentence = readonly CanvasSentenceClause[]

export interface CanvasPresentation {
  typeLabel?: string
  defaultTitle: string
  operationSubBlockId?: string
  operationRowTitle?: string
  sentences?: {
    /** For a block with no operation dropdown. */
    default?: CanvasSentence
    /** Keyed by the operation dropdown's option ids. */
    byOperation?: Record<string, CanvasSentence>
  }
  triggerSentences?: {
    default?: CanvasSentence
    byTrigger?: Record<string, CanvasSentence>
  }
}

/** A block input: what a field holds once the block has read it. */
export interface ParamConfig {
  type: ParamType
  description?: string
}

export interface OutputCondition {
  field: string
  value: ConditionValue | ConditionValue[]
  not?: boolean
  and?: {
    field: string
    value: ConditionValue | Array<ConditionValue | undefined | null> | undefined | null
    not?: boolean
  }
}

export type OutputFieldDefinition =
  | PrimitiveValueType
  | {
      type: PrimitiveValueType
      description?: string
      condition?: OutputCondition
      hiddenFromDisplay?: boolean
    }

export interface BlockConfig {
  type: string
  name: string
  description: string
  category: BlockCategory
  integrationType?: IntegrationType
  longDescription?: string
  bestPractices?: string
  /** Sim's docs page for the block. */
  docsLink?: string
  bgColor: string
  iconColor?: string
  icon: BlockIcon
  canvasPresentation?: CanvasPresentation
  subBlocks: SubBlockConfig[]
  triggerAllowed?: boolean
  authMode?: AuthMode
  singleInstance?: boolean
  tools: {
    /** Every tool the block may call. */
    access: string[]
    config?: {
      /** The tool for these field values, e.g. `agentphone_send_message`. */
      tool: (params: Record<string, unknown>) => string
      /** The tool's params for these field values; throws a readable Error for a bad value. */
      params?: (params: Record<string, unknown>) => Record<string, unknown>
    }
  }
  inputs: Record<string, ParamConfig>
  outputs: Record<string, OutputFieldDefinition>
  hideFromToolbar?: boolean
  triggers?: {
    enabled: boolean
    /** The trigger ids this block offers. */
    available: string[]
  }
}

export type IntegrationTag =
  | 'messaging'
  | 'automation'
  | 'webhooks'
  | 'customer-support'
  | 'agentic'

export type ModuleTag = 'knowledge-base' | 'tables' | 'files' | 'workflows' | 'scheduled' | 'agent'

export type TemplateCategory =
  | 'popular'
  | 'sales'
  | 'support'
  | 'engineering'
  | 'marketing'
  | 'productivity'
  | 'operations'

/** A catalog template prompt that features the block. */
export interface BlockTemplate {
  icon: ComponentType<SVGProps<SVGSVGElement>>
  title: string
  prompt: string
  modules: readonly ModuleTag[]
  category: TemplateCategory
  tags: readonly string[]
  /** Other blocks the prompt uses besides this one. */
  alsoIntegrations?: readonly string[]
}

/** Catalog data for a block (tags, the service's homepage, templates); never read when running. */
export interface BlockMeta {
  tags: readonly IntegrationTag[]
  /** The integrated service's homepage (not Sim's docs page, which is `docsLink`). */
  url?: string
  templates?: readonly BlockTemplate[]
}

// Not in Sim: names for the runtime that is not exported.

/** The values a block holds, keyed by field id, as the editor stores them (mostly strings). */
export type BlockValues = Record<string, unknown>

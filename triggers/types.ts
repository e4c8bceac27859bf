/**
 * This project's own declarations of Sim's trigger types (`apps/sim/triggers/types.ts`), so the
 * exported `triggers/agentphone/` files typecheck here as they do in a Sim checkout. Not exported:
 * a Sim checkout has its own.
 */
import type { ComponentType } from 'react'
import type { OutputCondition, SubBlockConfig } from '@/blocks/types'

export interface TriggerOutput {
  type?: string
  description?: string | TriggerOutput
  /** Restricts which trigger configurations surface this output in the tag dropdown. */
  condition?: OutputCondition
  [key: string]: TriggerOutput | OutputCondition | string | undefined
}

export interface TriggerConfig {
  id: string
  name: string
  provider: string
  description: string
  version: string
  icon?: ComponentType<{ className?: string }>
  subBlocks: SubBlockConfig[]
  /** The data the trigger hands the workflow: what later blocks reference. */
  outputs: Record<string, TriggerOutput>
  webhook?: {
    method?: 'POST' | 'GET' | 'PUT' | 'DELETE'
    headers?: Record<string, string>
  }
  polling?: boolean
  deprecated?: boolean
}

export interface TriggerRegistry {
  [triggerId: string]: TriggerConfig
}

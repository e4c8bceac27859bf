/**
 * This project's declaration of the Sim tool types the AgentPhone tool files use (`@/tools/types`).
 * In a Sim checkout the same import resolves to Sim's own `apps/sim/tools/types.ts`; every name
 * here exists there, and each shape is the same or narrower (a literal tool that satisfies these
 * declarations satisfies Sim's). Only the parts this project uses are declared.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD'

export type OutputType =
  | 'string'
  | 'number'
  | 'boolean'
  | 'json'
  | 'file'
  | 'file[]'
  | 'array'
  | 'object'

export interface OutputProperty {
  type: OutputType
  /** Optional in Sim; every AgentPhone output is described. */
  description: string
  optional?: boolean
  nullable?: boolean
  properties?: Record<string, OutputProperty>
  items?: {
    type: OutputType
    description?: string
    properties?: Record<string, OutputProperty>
  }
}

export type ParameterVisibility = 'user-or-llm' | 'user-only' | 'llm-only' | 'hidden'

export interface ToolResponse {
  success: boolean
  // biome-ignore lint/suspicious/noExplicitAny: Sim's declaration; each tool narrows it in R
  output: Record<string, any>
  error?: string
}

/** One entry of a tool's `params`. Sim's has every field but `type` optional; ours requires them. */
interface ToolParamConfig {
  type: 'string' | 'number' | 'boolean' | 'json' | 'array' | 'object'
  required: boolean
  visibility: ParameterVisibility
  description: string
  default?: unknown
}

// biome-ignore lint/suspicious/noExplicitAny: Sim's defaults, so `ToolConfig` alone means any tool
export interface ToolConfig<P = any, R extends ToolResponse = any> {
  id: string
  name: string
  description: string
  version: string
  params: Record<string, ToolParamConfig>
  /** Optional in Sim; every AgentPhone tool declares its outputs. */
  outputs: Record<string, OutputProperty>
  request: {
    /** Sim also allows a fixed string; these tools always build the URL (and validate). */
    url: (params: P) => string
    method: HttpMethod
    headers: (params: P) => Record<string, string>
    // biome-ignore lint/suspicious/noExplicitAny: Sim's declaration
    body?: (params: P) => Record<string, any>
    /** Defines the exact request fields that may become model-visible (Sim projects secrets in them). */
    modelInput?: {
      mode: 'project'
      select: (params: P) => Record<string, unknown>
    }
  }
  /** Optional in Sim; every AgentPhone tool reads its answer. */
  transformResponse: (response: Response, params?: P) => Promise<R>
}

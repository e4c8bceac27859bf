/**
 * Tool definitions shaped like Sim's `ToolConfig`, so the AgentPhone tools can be dropped into a
 * Sim checkout unchanged, plus the few additions our runtime needs (a zod schema for the params).
 */
import type { z } from 'zod'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export type ParamVisibility = 'user-only' | 'user-or-llm' | 'llm-only' | 'hidden'

export type ParamType = 'string' | 'number' | 'boolean' | 'json' | 'array' | 'object'

export interface ToolParam {
  type: ParamType
  required: boolean
  visibility: ParamVisibility
  description: string
  default?: unknown
}

export type OutputType = 'string' | 'number' | 'boolean' | 'json' | 'array' | 'object'

export interface OutputProperty {
  type: OutputType
  description: string
  optional?: boolean
  /** For arrays: the shape of one element. */
  items?: { type: OutputType; properties?: Record<string, OutputProperty> }
  /** For objects: their fields. */
  properties?: Record<string, OutputProperty>
}

export interface ToolResponse<O = Record<string, unknown>> {
  success: boolean
  output: O
  error?: string
}

/** Passed by our runtime; Sim calls `url(params)` alone and gets the default base URL. */
export interface RequestContext {
  baseUrl?: string
}

export interface ToolRequest<P> {
  url: (params: P, context?: RequestContext) => string
  method: HttpMethod
  headers: (params: P) => Record<string, string>
  /** Absent for requests without a body. */
  body?: (params: P) => Record<string, unknown>
}

export interface ToolConfig<P = Record<string, unknown>, O = Record<string, unknown>> {
  id: string
  name: string
  description: string
  version: string
  params: Record<string, ToolParam>
  /** Validates and normalizes raw params before anything is sent. */
  paramsSchema: z.ZodType<P>
  request: ToolRequest<P>
  /** Turns a successful (2xx) response into the tool's outputs; throws on a body it cannot read. */
  transformResponse: (response: Response, params: P) => Promise<ToolResponse<O>>
  outputs: Record<string, OutputProperty>
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds tools of every param/output type
export type AnyToolConfig = ToolConfig<any, any>

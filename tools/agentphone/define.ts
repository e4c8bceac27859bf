/**
 * `defineAgentPhoneTool` turns a declaration of what is specific to one operation (path, method,
 * which params go where, which fields come back) into a Sim-shaped `ToolConfig`. Everything the
 * operations share — the apiKey param, the bearer header, the base URL, reading the answer — is
 * here, once.
 */
import { z } from 'zod'
import type { HttpMethod, RequestContext, ToolConfig } from '../types.js'
import { describeIssues, excerpt } from './errors.js'
import { type OutputFields, type OutputOf, objectSchema, outputsOf } from './outputs.js'
import { type ParamSpecs, type ParamsOf, params as paramBuilders } from './params.js'

export const DEFAULT_BASE_URL = 'https://api.agentphone.ai'

/** The option, else `AGENTPHONE_BASE_URL`, else the public API; without a trailing slash. */
export function resolveBaseUrl(baseUrl?: string): string {
  const fromEnv = globalThis.process?.env?.AGENTPHONE_BASE_URL
  const chosen = baseUrl?.trim() || fromEnv?.trim() || DEFAULT_BASE_URL
  return chosen.replace(/\/+$/, '')
}

/**
 * A tagged template for API paths: each interpolated ID is percent-encoded as one path segment,
 * so `a/b?c` cannot reach another endpoint. (`.` and `..`, which URL parsing resolves even when
 * encoded, are refused by the id param.)
 */
export function apiPath(strings: TemplateStringsArray, ...ids: string[]): string {
  return strings.reduce(
    (path, part, i) => path + part + (i < ids.length ? encodeURIComponent(ids[i] ?? '') : ''),
    ''
  )
}

type Values = Record<string, unknown>

/** Which params go into the query or body: their names (sent as named), or a function. */
type Placement<P> = ReadonlyArray<keyof P & string> | ((params: P) => Values)

function place<P extends Values>(placement: Placement<P>, params: P): Values {
  const values =
    typeof placement === 'function'
      ? placement(params)
      : Object.fromEntries(placement.map((name) => [name, params[name]]))
  // Only the fields that were given: undefined is dropped, null (a deliberate "clear") is kept.
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined))
}

export interface AgentPhoneToolSpec<S extends ParamSpecs, F extends OutputFields> {
  /** The operation id, e.g. `send_message`; the tool id is `agentphone_<operation>`. */
  operation: string
  name: string
  description: string
  params: S
  method: HttpMethod
  path: (params: ParamsOf<S>) => string
  query?: Placement<ParamsOf<S>>
  body?: Placement<ParamsOf<S>>
  outputs: F
  /**
   * Reshapes the parsed body (undefined when empty, e.g. 204) before the outputs are read from
   * it, for operations whose answer is not the output shape.
   */
  fromResponse?: (body: unknown, params: ParamsOf<S>) => unknown
  /** For an update: at least one of these params must be given, or there is nothing to send. */
  atLeastOneOf?: ReadonlyArray<keyof ParamsOf<S> & string>
}

export function defineAgentPhoneTool<S extends ParamSpecs, F extends OutputFields>(
  spec: AgentPhoneToolSpec<S, F>
): ToolConfig<ParamsOf<S>, OutputOf<F>> {
  type P = ParamsOf<S>
  const id = `agentphone_${spec.operation}`
  const specs = { apiKey: paramBuilders.apiKey(), ...spec.params }
  const { atLeastOneOf } = spec
  const paramsSchema = z
    .object(Object.fromEntries(Object.entries(specs).map(([name, s]) => [name, s.schema])))
    .refine(
      (params) => !atLeastOneOf || atLeastOneOf.some((name) => params[name] !== undefined),
      `give at least one of ${atLeastOneOf?.join(', ')}: there is nothing to update`
    ) as unknown as z.ZodType<P>
  const outputSchema = objectSchema(spec.outputs)
  const { body, query } = spec

  /**
   * Params as validated and normalized by the schema. Our runtime has done this already (and
   * it is idempotent); a host that calls the request builders directly, as Sim does, gets the
   * same validation this way.
   */
  const valid = (params: P): P => {
    const result = paramsSchema.safeParse(params)
    if (!result.success) {
      throw new Error(`Invalid parameters for ${id}: ${describeIssues(result.error)}`)
    }
    return result.data
  }

  return {
    id,
    name: spec.name,
    description: spec.description,
    version: '1.0.0',
    params: Object.fromEntries(Object.entries(specs).map(([name, s]) => [name, s.param])),
    paramsSchema,
    request: {
      method: spec.method,
      url: (raw: P, context?: RequestContext) => {
        const params = valid(raw)
        const search = query
          ? new URLSearchParams(
              Object.entries(place(query, params)).map(([k, v]) => [k, String(v)])
            ).toString()
          : ''
        return `${resolveBaseUrl(context?.baseUrl)}${spec.path(params)}${search ? `?${search}` : ''}`
      },
      headers: (params: P) => ({
        Authorization: `Bearer ${valid(params).apiKey}`,
        Accept: 'application/json',
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      }),
      ...(body ? { body: (params: P) => place(body, valid(params)) } : {}),
    },
    transformResponse: async (response: Response, params: P) => {
      const text = await response.text()
      let parsed: unknown
      if (text.trim() !== '') {
        try {
          parsed = JSON.parse(text)
        } catch {
          throw new Error(
            `AgentPhone returned a response that is not valid JSON (HTTP ${response.status}): ${excerpt(text)}`
          )
        }
      }
      const result = outputSchema.safeParse(
        spec.fromResponse ? spec.fromResponse(parsed, params) : parsed
      )
      if (!result.success) {
        throw new Error(
          `AgentPhone returned an unexpected response (HTTP ${response.status}): ${describeIssues(result.error)}`
        )
      }
      // A create answered without the new resource's id cannot be followed up: not a success.
      if (spec.method === 'POST' && (result.data as { id?: unknown }).id == null) {
        throw new Error(
          `AgentPhone's answer (HTTP ${response.status}) has no id for what was created; the request may have been carried out`
        )
      }
      return { success: true, output: result.data as OutputOf<F> }
    },
    outputs: outputsOf(spec.outputs),
  }
}

/**
 * The request builders' shared logic. Each tool's `request.url`, `headers` and `body` call these
 * with the raw params, as Sim does: the params are validated and normalized first, and an invalid
 * value throws an error naming the field, so nothing malformed is ever sent.
 */
import { validParams } from '@/tools/agentphone/params'
import type { ToolConfig } from '@/tools/types'

export const DEFAULT_BASE_URL = 'https://api.agentphone.ai'

/** The option, else `AGENTPHONE_BASE_URL`, else the public API; without a trailing slash. */
export function resolveBaseUrl(baseUrl?: string): string {
  const fromEnv = globalThis.process?.env?.AGENTPHONE_BASE_URL
  const chosen = baseUrl?.trim() || fromEnv?.trim() || DEFAULT_BASE_URL
  return chosen.replace(/\/+$/, '')
}

/**
 * The same request sent to another base URL. The builders address `resolveBaseUrl()`; our runtime
 * takes a base URL per call.
 */
export function withBaseUrl(url: string, baseUrl: string): string {
  const defaultBase = resolveBaseUrl()
  if (!url.startsWith(`${defaultBase}/`)) {
    throw new Error(`Expected an AgentPhone API URL under ${defaultBase}, got ${url}`)
  }
  return `${baseUrl}${url.slice(defaultBase.length)}`
}

type Values = Record<string, unknown>

/** Which params go into the query or body: their names (sent as named), or a function. */
export type Placement<P> = ReadonlyArray<keyof P & string> | ((params: P) => Values)

/** Only the fields that were given: undefined is dropped, null (a deliberate "clear") is kept. */
function place<P>(placement: Placement<P>, params: P): Values {
  const values =
    typeof placement === 'function'
      ? placement(params)
      : Object.fromEntries(placement.map((name) => [name, params[name]]))
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined))
}

type Tool<P> = Pick<ToolConfig<P>, 'id' | 'params' | 'request'>

/**
 * The API URL for `path`, whose `{name}` placeholders are filled with the named params, each
 * percent-encoded as one path segment so `a/b?c` cannot reach another endpoint. (`.` and `..`,
 * which URL parsing resolves even when encoded, are refused by validation.)
 */
export function agentphoneUrl<P>(
  tool: Tool<P>,
  raw: P,
  path: string,
  query?: Placement<P>
): string {
  const params = validParams(tool, raw) as P & Values
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (typeof value !== 'string') throw new Error(`${tool.id}: no ${name} for the path ${path}`)
    return encodeURIComponent(value)
  })
  const search = query
    ? new URLSearchParams(
        Object.entries(place(query, params)).map(([key, value]) => [key, String(value)])
      ).toString()
    : ''
  return `${resolveBaseUrl()}${filled}${search ? `?${search}` : ''}`
}

/** The bearer key, JSON accepted, and the JSON content type when the tool sends a body. */
export function agentphoneHeaders<P>(tool: Tool<P>, raw: P): Record<string, string> {
  const { apiKey } = validParams(tool, raw) as P & { apiKey: string }
  return {
    Authorization: `Bearer ${apiKey}`,
    Accept: 'application/json',
    ...(tool.request.body ? { 'Content-Type': 'application/json' } : {}),
  }
}

/** The JSON body: the given fields of the validated params. */
export function agentphoneBody<P>(tool: Tool<P>, raw: P, fields: Placement<P>): Values {
  return place(fields, validParams(tool, raw))
}

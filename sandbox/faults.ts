/**
 * Fault injection for tests: a fault armed with `POST /sandbox/faults` hits the next `times`
 * requests of the same account whose method and path match, before they are handled.
 *
 * - `status`: answers with that status and a JSON `{detail}`, an HTML page or an empty body,
 *   optionally with `Retry-After`; the request is not handled.
 * - `drop`: the connection ends without an answer; the request is not handled.
 * - `malformed-json`: the request is handled, then answered 200 with its body cut short.
 * - `delay`: the request is handled after `delayMs` (which every kind accepts).
 */
import { STATUS_CODES } from 'node:http'
import { createMiddleware } from 'hono/factory'
import { z } from 'zod'
import type { SandboxEnv } from './endpoint.js'
import { DroppedConnection } from './errors.js'
import type { Runtime } from './store.js'
import { upperCased } from './validation.js'
import { pause } from './wait.js'

const matching = {
  /** Any method when absent. */
  method: z.preprocess(upperCased, z.enum(['GET', 'POST', 'PATCH', 'DELETE', 'PUT']).optional()),
  /** A path, where `*` stands for one segment and `**` for anything; any /v1 path when absent. */
  path: z.string().startsWith('/', 'must start with /').max(1_000).optional(),
  times: z.int().min(1).max(1_000).default(1),
  delayMs: z.int().min(0).max(60_000).default(0),
}

export const faultSpec = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('status'),
      ...matching,
      status: z.int().min(400).max(599),
      body: z.enum(['json', 'html', 'empty']).default('json'),
      /** The JSON body's `detail`; the status's reason phrase when absent. */
      detail: z.string().optional(),
      /** Seconds, sent as `Retry-After`. */
      retryAfter: z.int().min(0).max(3_600).optional(),
    }),
    z.object({ kind: z.literal('drop'), ...matching }),
    z.object({ kind: z.literal('malformed-json'), ...matching }),
    z.object({ kind: z.literal('delay'), ...matching }),
  ],
  { error: "Input should be a fault with kind 'status', 'drop', 'malformed-json' or 'delay'" }
)

export type FaultSpec = z.output<typeof faultSpec>
export type ArmedFault = FaultSpec & { id: string; remaining: number }

export function armFault(runtime: Runtime, spec: FaultSpec) {
  runtime.armedCount += 1
  const fault: ArmedFault = { ...spec, id: `flt_${runtime.armedCount}`, remaining: spec.times }
  runtime.faults.push(fault)
  return fault
}

/**
 * Whether `path` matches a fault's pattern, where `*` stands for any run of characters within one
 * segment and `**` for any run at all. Matched in pattern × path steps, never by backtracking: a
 * pattern such as `/v1/****************Z` cannot stall the event loop.
 */
export function pathMatches(pattern: string, path: string): boolean {
  // reachable[j]: the pattern read so far matches the first j characters of the path.
  let reachable = new Uint8Array(path.length + 1)
  reachable[0] = 1
  for (let i = 0; i < pattern.length; i++) {
    const next = new Uint8Array(path.length + 1)
    if (pattern[i] === '*') {
      const anything = pattern[i + 1] === '*'
      while (pattern[i + 1] === '*') i++
      for (let j = 0; j <= path.length; j++) {
        const grows = j > 0 && next[j - 1] === 1 && (anything || path[j - 1] !== '/')
        next[j] = reachable[j] === 1 || grows ? 1 : 0
      }
    } else {
      for (let j = 0; j < path.length; j++) {
        if (reachable[j] === 1 && path[j] === pattern[i]) next[j + 1] = 1
      }
    }
    reachable = next
  }
  return reachable[path.length] === 1
}

const matches = (fault: ArmedFault, method: string, path: string) =>
  (fault.method === undefined || fault.method === method) &&
  (fault.path === undefined || pathMatches(fault.path, path))

/** The first armed fault matching the request, used up by one. */
function takeFault(runtime: Runtime, method: string, path: string): ArmedFault | undefined {
  const fault = runtime.faults.find((armed) => matches(armed, method, path))
  if (!fault) return undefined
  fault.remaining -= 1
  if (fault.remaining === 0) runtime.faults.splice(runtime.faults.indexOf(fault), 1)
  return fault
}

const errorPage = (status: number, reason: string) =>
  `<html><head><title>${status} ${reason}</title></head><body><center><h1>${status} ${reason}</h1></center><hr><center>sandbox-gateway</center></body></html>`

function statusResponse(fault: Extract<ArmedFault, { kind: 'status' }>): Response {
  const reason = STATUS_CODES[fault.status] ?? 'Error'
  const headers = new Headers()
  if (fault.retryAfter !== undefined) headers.set('Retry-After', String(fault.retryAfter))
  let body: string | null = null
  if (fault.body === 'json') {
    headers.set('Content-Type', 'application/json')
    body = JSON.stringify({ detail: fault.detail ?? reason })
  } else if (fault.body === 'html') {
    headers.set('Content-Type', 'text/html; charset=utf-8')
    body = errorPage(fault.status, reason)
  }
  return new Response(body, { status: fault.status, statusText: reason, headers })
}

/** JSON cut in half: never parses, whatever it was. */
const truncated = (text: string) =>
  text.length > 2 ? text.slice(0, Math.floor(text.length / 2)) : '{"'

/** For /v1 requests, after authentication and logging; marks the log entry with the fault. */
export const injectFaults = createMiddleware<SandboxEnv>(async (c, next) => {
  const { runtime } = c.get('session')
  const fault = takeFault(runtime, c.req.method, new URL(c.req.url).pathname)
  c.set('faultId', fault?.id ?? null)
  if (!fault) return next()
  if (fault.delayMs > 0) await pause(fault.delayMs, c.req.raw.signal)
  switch (fault.kind) {
    case 'status':
      return statusResponse(fault)
    case 'drop':
      throw new DroppedConnection()
    case 'delay':
      return next()
    case 'malformed-json': {
      await next()
      const text = await c.res.text()
      c.res = new Response(truncated(text), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      })
      return
    }
  }
})

/**
 * An endpoint is declared, not hand-wired: method, path, zod schemas for its query and body, and
 * a handler that receives the parsed input and the caller's account. Parsing failures become 422s
 * and the handler's result the JSON answer (204 answers carry no body).
 */
import type { Context, Hono } from 'hono'
import type { z } from 'zod'
import { ApiError, ValidationError } from './errors.js'
import type { AccountState } from './model.js'
import type { Runtime, Session } from './store.js'
import { parseInput } from './validation.js'

export interface SandboxEnv {
  Variables: {
    session: Session
    /** The clock's reading for this request, so everything in it happens at one instant. */
    now: number
    /** The clock itself. */
    clock: () => number
    /** The fault that hit this request, if any (for the request log). */
    faultId: string | null
  }
}

export type SandboxApp = Hono<SandboxEnv>

/** `'/v1/calls/:callId/transcript'` → `'callId'`. */
type ParamNames<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never

export interface EndpointInput<Path extends string, Query, Body> {
  /** The account the request acts on: the key's, or its sub-account named by `X-Sub-Account-Id`. */
  account: AccountState
  /** The key's own (master) account, whatever `X-Sub-Account-Id` says. */
  root: AccountState
  runtime: Runtime
  now: number
  /** The sandbox's clock, for handlers that wait (the long-poll). */
  clock: () => number
  /** Aborted when the client hangs up. */
  signal: AbortSignal
  /** `http://host:port` as the client reached it, for URLs the answers carry. */
  origin: string
  params: Record<ParamNames<Path>, string>
  query: Query
  body: Body
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface EndpointSpec<Path extends string, Q extends z.ZodType, B extends z.ZodType> {
  method: Method
  path: Path
  query?: Q
  body?: B
  status?: 200 | 201 | 204
  /** The JSON answer, or a ready `Response` (binary, event streams). */
  handle: (input: EndpointInput<Path, z.output<Q>, z.output<B>>) => unknown
}

/** A declared endpoint: where it answers, and how to add it to the app. */
export interface Endpoint {
  method: Method
  path: string
  register: (app: SandboxApp) => void
}

/** Deeper bodies are refused before any schema sees them (a schema's error would recurse). */
const MAX_BODY_DEPTH = 64

/** How deep a parsed JSON value nests, counted without recursion, stopping past `limit`. */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0
  const pending: [unknown, number][] = [[value, 0]]
  while (pending.length > 0) {
    const [item, depth] = pending.pop() as [unknown, number]
    if (typeof item !== 'object' || item === null) continue
    if (depth + 1 > deepest) deepest = depth + 1
    if (deepest > limit) return deepest
    for (const inner of Object.values(item)) pending.push([inner, depth + 1])
  }
  return deepest
}

/** The largest request body read; a larger one is refused with 413 before anything is stored. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024

const tooLarge = () =>
  new ApiError(413, `Request body too large: at most ${MAX_REQUEST_BODY_BYTES} bytes (1 MB)`)

/** The body as text, read no further than the limit (a declared or streamed larger one is 413). */
async function readBodyText(request: Request): Promise<string> {
  if (Number(request.headers.get('content-length')) > MAX_REQUEST_BODY_BYTES) throw tooLarge()
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_REQUEST_BODY_BYTES) {
      reader.cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function readJsonBody(c: Context): Promise<unknown> {
  const text = await readBodyText(c.req.raw)
  if (text.trim() === '') return undefined
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new ValidationError([{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }])
  }
  if (depthOf(body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    throw new ValidationError([
      {
        loc: ['body'],
        msg: `Value error, JSON nested too deeply: at most ${MAX_BODY_DEPTH} levels`,
        type: 'value_error',
      },
    ])
  }
  return body
}

export function endpoint<
  Path extends string,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
>(spec: EndpointSpec<Path, Q, B>): Endpoint {
  const status = spec.status ?? 200
  const register = (app: SandboxApp) => {
    app.on(spec.method, spec.path, async (c) => {
      const { account, root, runtime } = c.get('session')
      const query = spec.query ? parseInput(spec.query, c.req.query(), 'query') : undefined
      const body = spec.body ? parseInput(spec.body, await readJsonBody(c), 'body') : undefined
      const result = await spec.handle({
        account,
        root,
        runtime,
        now: c.get('now'),
        clock: c.get('clock'),
        signal: c.req.raw.signal,
        origin: new URL(c.req.url).origin,
        params: c.req.param() as unknown as Record<ParamNames<Path>, string>,
        query: query as z.output<Q>,
        body: body as z.output<B>,
      })
      if (result instanceof Response) return result
      return status === 204 ? c.body(null, 204) : c.json(result, status)
    })
  }
  return { method: spec.method, path: spec.path, register }
}

/**
 * The runtime: validate params, send the request with fetch (once per attempt), read the answer.
 * It never throws: bad input, HTTP errors, timeouts and network faults all come back as
 * `{success: false, error}`, with the API key scrubbed from whatever is returned. The whole call,
 * retries and waits included, ends by its deadline.
 *
 * The hot path is kept close to a bare fetch + JSON.parse (`npm run bench`): params are validated
 * once, the answer is read by the tool's compiled reader, the body text is scrubbed before it is
 * parsed (so a result is walked again only when it may hold values we added ourselves), and each
 * attempt is one fetch with its own timer rather than a ky call (ky alone cost more than the whole
 * budget; the bench prints ky against fetch).
 */
import { z } from 'zod'
import { describeErrorResponse, describeIssues } from '@/tools/agentphone/errors'
import { checkParams, isHttpUrl } from '@/tools/agentphone/params'
import { resolveBaseUrl, withBaseUrl } from '@/tools/agentphone/request'
import { AGENTPHONE_DEFAULT_WAIT_SECONDS } from '@/tools/agentphone/types'
import { agentphoneTools } from '@/tools/registry'
import { BodyBroken, BodyTimeout, BodyTooLarge, discardBody, readBody } from '@/tools/runtime/body'
import { apiKeyOf, describeError, type Snapshot, snapshot } from '@/tools/runtime/input'
import { type Redactor, redactor } from '@/tools/runtime/redaction'
import {
  backoffMs,
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_MS,
  Deadline,
  defaultDeadlineMs,
  isAlreadyGone,
  isRetryableMethod,
  RETRYABLE_STATUS,
  retryAfterMs,
  sleep,
} from '@/tools/runtime/retry'
import type { OutputProperty, ToolConfig, ToolResponse } from '@/tools/types'

export { DEFAULT_RETRIES, DEFAULT_TIMEOUT_MS }

export interface ExecuteOptions {
  /** API base URL; default `AGENTPHONE_BASE_URL`, else https://api.agentphone.ai */
  baseUrl?: string
  /**
   * For each attempt: until the answer's headers arrive, and again to read its body. Default
   * 30 000. A Get Call with `wait` gets at least its wait plus `LONG_POLL_MARGIN_MS`: the API holds
   * that request until the call ends, and a shorter timeout would cut it short.
   */
  timeoutMs?: number
  /** Automatic retries of idempotent requests (GET, DELETE, PATCH); default 2. POST never. */
  retries?: number
  /**
   * The whole call, every attempt and wait included, ends within this many ms. Default: every
   * attempt's timeout plus the backoff between them (`(retries + 1) × timeoutMs + backoff`).
   */
  deadlineMs?: number
  /** A fetch implementation, e.g. an in-process sandbox handler. */
  fetch?: typeof fetch
  signal?: AbortSignal
}

const MAX_TIMER_MS = 2_147_483_647
const CANCELLED = 'The AgentPhone request was cancelled'

const milliseconds = z
  .number({ error: 'must be a number of milliseconds' })
  .positive('must be more than 0')
  .max(MAX_TIMER_MS, 'must be at most 2147483647 (about 24 days)')

const optionsSchema = z.object({
  baseUrl: z.string({ error: 'must be a string' }).optional(),
  timeoutMs: milliseconds.optional(),
  retries: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 10')
    .max(10, 'must be between 0 and 10')
    .optional(),
  deadlineMs: milliseconds.optional(),
  fetch: z
    .custom<typeof fetch>((value) => typeof value === 'function', 'must be a function')
    .optional(),
  signal: z.instanceof(AbortSignal, { error: 'must be an AbortSignal' }).optional(),
})

type Options = z.output<typeof optionsSchema>

const isMilliseconds = (value: unknown) =>
  value === undefined || (typeof value === 'number' && value > 0 && value <= MAX_TIMER_MS)

/**
 * The options the schema accepts, checked without it: the usual call passes few or none. Anything
 * else goes to the schema, which says what is wrong (or accepts it).
 */
function areValidOptions(values: Record<string, unknown>): values is Options {
  const { baseUrl, timeoutMs, retries, deadlineMs, fetch, signal } = values
  return (
    (baseUrl === undefined || typeof baseUrl === 'string') &&
    isMilliseconds(timeoutMs) &&
    isMilliseconds(deadlineMs) &&
    (retries === undefined ||
      (typeof retries === 'number' &&
        Number.isInteger(retries) &&
        retries >= 0 &&
        retries <= 10)) &&
    (fetch === undefined || typeof fetch === 'function') &&
    (signal === undefined || signal instanceof AbortSignal)
  )
}

/** The last base URL found usable: a host passes the same one on every call. */
let usableBaseUrl: string | undefined

function isUsableBaseUrl(baseUrl: string): boolean {
  if (baseUrl === usableBaseUrl) return true
  if (!isHttpUrl(baseUrl) || /[?#]/.test(baseUrl)) return false
  usableBaseUrl = baseUrl
  return true
}

export const failure = (error: string): ToolResponse => ({ success: false, output: {}, error })

/** Time for the answer to travel after a long-poll's wait ends. */
export const LONG_POLL_MARGIN_MS = 15_000

/** How long the API holds this request on purpose, in ms: Get Call's `wait` long-poll, else 0. */
export function heldForMs(toolId: string, params: Record<string, unknown>): number {
  if (toolId !== 'agentphone_get_call' || params.wait !== true) return 0
  const seconds =
    typeof params.timeoutSeconds === 'number'
      ? params.timeoutSeconds
      : AGENTPHONE_DEFAULT_WAIT_SECONDS
  return seconds * 1_000
}

export async function executeTool(
  toolId: string,
  params: Record<string, unknown>,
  options: ExecuteOptions = {}
): Promise<ToolResponse> {
  let scrub = redactor(undefined)
  try {
    const input = snapshot(params, 'parameters')
    scrub = redactor(apiKeyOf(input.values))
    const result = await run(toolId, input, options, scrub)
    // A success has been scrubbed where the key can be (see readAnswer); a failure's text is ours.
    return result.success ? result : scrub.value(result)
  } catch (error) {
    // Every expected fault is answered below; this is the promise never to throw.
    return scrub.value(failure(`Unexpected error: ${describeError(error)}`))
  }
}

const quoted = (value: unknown) =>
  typeof value === 'string' ? `"${value}"` : `(${value === null ? 'null' : typeof value})`

async function run(
  toolId: unknown,
  input: Snapshot,
  rawOptions: unknown,
  scrub: Redactor
): Promise<ToolResponse> {
  const tool =
    typeof toolId === 'string' && Object.hasOwn(agentphoneTools, toolId)
      ? agentphoneTools[toolId]
      : undefined
  if (!tool)
    return failure(`Unknown tool ${quoted(toolId)}: expected one of agentphone_<operation>`)

  const readOptions = snapshot(rawOptions, 'options')
  if (readOptions.problem) return failure(`Invalid options: ${readOptions.problem}`)
  let options: Options
  if (areValidOptions(readOptions.values)) options = readOptions.values
  else {
    const checkedOptions = optionsSchema.safeParse(readOptions.values)
    if (!checkedOptions.success) {
      return failure(`Invalid options: ${describeIssues(checkedOptions.error)}`)
    }
    options = checkedOptions.data
  }

  if (input.problem) return failure(`Invalid parameters for ${tool.id}: ${input.problem}`)
  const checked = checkParams<Record<string, unknown>>(tool, input.values, { refuseUnknown: true })
  if (!checked.success) return failure(checked.error)
  // A fetch such as the in-process sandbox may ignore the signal: check it before sending.
  if (options.signal?.aborted) return failure(CANCELLED)
  const baseUrl = resolveBaseUrl(options.baseUrl)
  if (!isUsableBaseUrl(baseUrl)) {
    return failure(`Invalid AgentPhone base URL "${baseUrl}": expected http(s)://host`)
  }
  return send(tool, checked.params, baseUrl, options, scrub)
}

/** How one attempt ended. */
type Attempt = { kind: 'answer'; response: Response } | { kind: 'fault'; error: unknown }

async function send(
  tool: ToolConfig,
  params: Record<string, unknown>,
  baseUrl: string,
  options: Options,
  scrub: Redactor
): Promise<ToolResponse> {
  const { request } = tool
  // Built before the deadline starts: what the builders do (for hosts that call them directly,
  // they validate the params) is no part of any attempt's time.
  const url = withBaseUrl(request.url(params), baseUrl)
  const origin = () => new URL(url).origin
  const json = request.body?.(params)
  const init: RequestInit = {
    method: request.method,
    headers: request.headers(params),
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  }
  const fetcher = options.fetch ?? globalThis.fetch
  const held = heldForMs(tool.id, params)
  const timeoutMs = Math.max(
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    held > 0 ? held + LONG_POLL_MARGIN_MS : 0
  )
  const retries = options.retries ?? DEFAULT_RETRIES
  const deadline = options.deadlineMs
    ? new Deadline(options.deadlineMs)
    : new Deadline(defaultDeadlineMs(timeoutMs, retries), false)
  const { signal } = options
  const canRetry = isRetryableMethod(request.method)

  const timedOut = (byDeadline: boolean, what: 'answer' | 'finish its answer') =>
    byDeadline
      ? `AgentPhone did not ${what} within the ${deadline.totalMs} ms deadline (${origin()})`
      : `AgentPhone did not ${what} within ${timeoutMs} ms (${origin()})`

  for (let attempt = 0; ; attempt++) {
    const limit = deadline.limit(timeoutMs)
    const outcome = await sendOnce(fetcher, url, init, limit.ms, signal)
    if (signal?.aborted) {
      if (outcome.kind === 'answer') discardBody(outcome.response)
      return failure(CANCELLED)
    }

    /** Whether another attempt is allowed, with time left for it after waiting `waitMs`. */
    const mayRetry = (waitMs: number) =>
      canRetry && attempt < retries && waitMs < deadline.remainingMs()

    if (outcome.kind === 'fault') {
      const wait = backoffMs(attempt + 1)
      if (mayRetry(wait)) {
        if (await sleep(wait, signal)) continue
        return failure(CANCELLED)
      }
      return failure(
        outcome.error === TIMED_OUT
          ? timedOut(limit.byDeadline, 'answer')
          : `Could not reach AgentPhone at ${origin()}: ${causeOf(outcome.error)}`
      )
    }

    const { response } = outcome
    const { status, statusText } = response
    if (!response.ok) {
      if (RETRYABLE_STATUS.has(status)) {
        const wait = retryAfterMs(response.headers.get('retry-after')) ?? backoffMs(attempt + 1)
        if (mayRetry(wait)) {
          // Not read: its connection is closed now rather than left open with a stalled body.
          discardBody(response)
          if (await sleep(wait, signal)) continue
          return failure(CANCELLED)
        }
      }
      const bodyLimit = deadline.limit(timeoutMs)
      const text = await readBody(response, { timeoutMs: bodyLimit.ms, signal }).catch(() => '')
      if (signal?.aborted) return failure(CANCELLED)
      const error = describeErrorResponse(status, statusText, scrub.text(text))
      if (attempt > 0 && request.method === 'DELETE' && isAlreadyGone(status, error)) {
        return scrub.value(await alreadyGone(tool, params, status))
      }
      return failure(error)
    }

    const bodyLimit = deadline.limit(timeoutMs)
    let text: string
    try {
      text = await readBody(response, { timeoutMs: bodyLimit.ms, signal })
    } catch (error) {
      if (signal?.aborted) return failure(CANCELLED)
      const wait = backoffMs(attempt + 1)
      if ((error instanceof BodyTimeout || error instanceof BodyBroken) && mayRetry(wait)) {
        if (await sleep(wait, signal)) continue
        return failure(CANCELLED)
      }
      return failure(describeBodyError(error, status, request.method, bodyLimit, timedOut))
    }
    return readAnswer(tool, params, response, scrub.text(text), scrub)
  }
}

/** An answer that came after its attempt ended: nobody reads it, so its socket is let go. */
function cancelLate(response: Response): void {
  try {
    discardBody(response)
  } catch {
    // Not a Response (a fetch implementation's mistake): there is nothing to cancel.
  }
}

/** An attempt whose answer did not arrive in time. */
const TIMED_OUT: unique symbol = Symbol('timed out')

/**
 * One request, without retries, until its answer's headers arrive or `timeoutMs` passes. The
 * timer aborts the request (which reaches the socket) and also ends the wait by itself, for a
 * fetch that ignores its signal; an answer that comes after that has its body cancelled. The
 * caller's signal aborts it too.
 */
function sendOnce(
  fetcher: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
  signal: AbortSignal | undefined
): Promise<Attempt> {
  const controller = new AbortController()
  const onAbort = () => controller.abort(signal?.reason)
  signal?.addEventListener('abort', onAbort, { once: true })
  return new Promise<Attempt>((resolve) => {
    let settled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const settle = (attempt: Attempt) => {
      settled = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      resolve(attempt)
    }
    let answer: Promise<Response>
    try {
      // A fetch of our own choosing (an in-process handler) is given a Request, as ky gave it;
      // the global fetch takes the URL and init as they are, without building one.
      answer =
        fetcher === globalThis.fetch
          ? fetcher(url, { ...init, signal: controller.signal })
          : fetcher(new Request(url, { ...init, signal: controller.signal }))
    } catch (error) {
      settle({ kind: 'fault', error })
      return
    }
    // Started once the request is on its way: the first fetch in a process loads its HTTP client,
    // which is no wait for the answer (ky, too, built its Request before its timer).
    const timeOut = () => {
      if (settled) return
      settle({ kind: 'fault', error: TIMED_OUT })
      controller.abort(new Error('The AgentPhone request timed out'))
    }
    // On a busy event loop the timer can fire late, before the answer that came in the meantime
    // is seen (timers run before I/O): give that answer one turn of the loop to be taken first.
    timer = setTimeout(() => setImmediate(timeOut), Math.max(timeoutMs, 1))
    Promise.resolve(answer).then(
      (response) => {
        if (!settled) settle({ kind: 'answer', response })
        else cancelLate(response)
      },
      (error) => {
        if (!settled) settle({ kind: 'fault', error })
      }
    )
  })
}

/** The tool's outputs from a 2xx answer whose (scrubbed) body has been read. */
async function readAnswer(
  tool: ToolConfig,
  params: Record<string, unknown>,
  response: Response,
  text: string,
  scrub: Redactor
): Promise<ToolResponse> {
  const { status, statusText, headers } = response
  const hasNoBody = text === '' || status === 204 || status === 205 || status === 304
  let result: ToolResponse
  try {
    result = await tool.transformResponse(
      answerOf(status, statusText, headers, hasNoBody ? '' : text),
      params
    )
  } catch (error) {
    return failure(describeError(error))
  }
  // The text was scrubbed before it was parsed, so what the result took from it is clean. Walk it
  // again only if it may hold something else with the key in it: a param the tool copies into its
  // output, one of its own output names, or a string JSON escapes could have rebuilt a key in.
  if (!result.success || text.includes('\\') || mayCarryKey(tool, params, scrub)) {
    return scrub.value(result)
  }
  return result
}

/**
 * The answer, already read, as the tools' `transformResponse` reads it: its status and its text.
 * Cheaper than a `new Response` around the text, which would be streamed and decoded again.
 */
const answerOf = (status: number, statusText: string, headers: Headers, text: string) =>
  ({
    ok: status >= 200 && status <= 299,
    status,
    statusText,
    headers,
    text: async () => text,
    json: async () => JSON.parse(text),
  }) as Response

/** Each tool's output names, for a key that happens to spell one of them. */
const outputNames = new WeakMap<ToolConfig, string>()

function namesOf(tool: ToolConfig): string {
  let names = outputNames.get(tool)
  if (names === undefined) {
    const collect = (outputs: Record<string, OutputProperty> | undefined): string[] =>
      Object.entries(outputs ?? {}).flatMap(([name, output]) => [
        name,
        ...collect(output.properties),
        ...collect(output.items?.properties),
      ])
    names = collect(tool.outputs).join('\n')
    outputNames.set(tool, names)
  }
  return names
}

/** Whether a result may hold the key other than through the (scrubbed) body text. */
function mayCarryKey(tool: ToolConfig, params: Record<string, unknown>, scrub: Redactor): boolean {
  if (scrub.text(namesOf(tool)) !== namesOf(tool)) return true
  for (const name in params) {
    if (name === 'apiKey') continue
    const value = params[name]
    const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : value
    if (typeof text === 'string' && scrub.text(text) !== text) return true
  }
  return false
}

/**
 * A retried DELETE whose earlier attempt went unanswered, finding the resource gone: the earlier
 * attempt deleted it. (On a first attempt, "gone" is an error: it never existed.)
 */
async function alreadyGone(
  tool: ToolConfig,
  params: Record<string, unknown>,
  status: number
): Promise<ToolResponse> {
  const result = await tool.transformResponse(new Response(null, { status: 204 }), params)
  if (!result.success) return result
  return {
    ...result,
    output: {
      ...result.output,
      note: `Already deleted: an earlier attempt went unanswered, and the retry found it gone (HTTP ${status})`,
    },
  }
}

/** The failure's own words and, for undici's "fetch failed", the socket's reason. */
function causeOf(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined
  return [describeError(error), cause === undefined ? '' : describeError(cause)]
    .filter(Boolean)
    .join(': ')
}

function describeBodyError(
  error: unknown,
  status: number,
  method: string,
  limit: { ms: number; byDeadline: boolean },
  timedOut: (byDeadline: boolean, what: 'finish its answer') => string
): string {
  if (error instanceof BodyTimeout) return timedOut(limit.byDeadline, 'finish its answer')
  const doneAnyway =
    method === 'GET' ? '' : '; the request reached AgentPhone and may have been carried out'
  if (error instanceof BodyTooLarge) {
    return `AgentPhone's answer (HTTP ${status}) was not read: ${error.message}${doneAnyway}`
  }
  return `AgentPhone's answer (HTTP ${status}) broke off before it was complete: ${describeError(error)}${doneAnyway}`
}

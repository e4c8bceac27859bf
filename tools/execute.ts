/**
 * The runtime: validate params, send the request with ky (once per attempt), read the answer. It
 * never throws: bad input, HTTP errors, timeouts and network faults all come back as
 * `{success: false, error}`, with the API key scrubbed from whatever is returned. The whole call,
 * retries and waits included, ends by its deadline.
 */
import ky, { TimeoutError } from 'ky'
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
import type { ToolConfig, ToolResponse } from '@/tools/types'

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
    return scrub.value(await run(toolId, input, options, scrub))
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
  const checkedOptions = optionsSchema.safeParse(readOptions.values)
  if (!checkedOptions.success) {
    return failure(`Invalid options: ${describeIssues(checkedOptions.error)}`)
  }
  const options = checkedOptions.data

  if (input.problem) return failure(`Invalid parameters for ${tool.id}: ${input.problem}`)
  const checked = checkParams<Record<string, unknown>>(tool, input.values, { refuseUnknown: true })
  if (!checked.success) return failure(checked.error)
  // A fetch such as the in-process sandbox may ignore the signal: check it before sending.
  if (options.signal?.aborted) return failure(CANCELLED)
  const baseUrl = resolveBaseUrl(options.baseUrl)
  if (!isHttpUrl(baseUrl) || /[?#]/.test(baseUrl)) {
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
  // Built before the deadline starts: the builders validate the params again (for hosts that call
  // them directly), which is no part of any attempt's time.
  const url = withBaseUrl(request.url(params), baseUrl)
  const headers = request.headers(params)
  const json = request.body?.(params)
  const { origin } = new URL(url)
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
      ? `AgentPhone did not ${what} within the ${deadline.totalMs} ms deadline (${origin})`
      : `AgentPhone did not ${what} within ${timeoutMs} ms (${origin})`

  for (let attempt = 0; ; attempt++) {
    const limit = deadline.limit(timeoutMs)
    const outcome = await sendOnce(url, request.method, headers, json, limit.ms, options)
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
        outcome.error instanceof TimeoutError
          ? timedOut(limit.byDeadline, 'answer')
          : `Could not reach AgentPhone at ${origin}: ${causeOf(outcome.error)}`
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
        return alreadyGone(tool, params, status)
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
    return readAnswer(tool, params, response, scrub.text(text))
  }
}

/** One request, without retries: ky's own retry cannot see a body that breaks or a deadline. */
async function sendOnce(
  url: string,
  method: string,
  headers: Record<string, string>,
  json: unknown,
  timeoutMs: number,
  options: Options
): Promise<Attempt> {
  try {
    const response = await ky(url, {
      method,
      headers,
      ...(json === undefined ? {} : { json }),
      timeout: Math.max(timeoutMs, 1),
      retry: 0,
      throwHttpErrors: false,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    })
    return { kind: 'answer', response }
  } catch (error) {
    return { kind: 'fault', error }
  }
}

/** The tool's outputs from a 2xx answer whose (scrubbed) body has been read. */
async function readAnswer(
  tool: ToolConfig,
  params: Record<string, unknown>,
  response: Response,
  text: string
): Promise<ToolResponse> {
  const { status, statusText, headers } = response
  const hasNoBody = text === '' || [204, 205, 304].includes(status)
  const readable = new Response(hasNoBody ? null : text, { status, statusText, headers })
  try {
    return await tool.transformResponse(readable, params)
  } catch (error) {
    return failure(describeError(error))
  }
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

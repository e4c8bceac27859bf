/**
 * The runtime: validate params, send one request with ky, read the answer. It never throws:
 * bad input, HTTP errors, timeouts and network faults all come back as `{success: false, error}`,
 * with the API key scrubbed from whatever is returned.
 */
import ky, { HTTPError, TimeoutError } from 'ky'
import { z } from 'zod'
import { describeErrorResponse, describeIssues, redact } from '@/tools/agentphone/errors'
import { checkParams, isHttpUrl } from '@/tools/agentphone/params'
import { resolveBaseUrl, withBaseUrl } from '@/tools/agentphone/request'
import { agentphoneTools } from '@/tools/registry'
import type { ToolResponse } from '@/tools/types'

export interface ExecuteOptions {
  /** API base URL; default `AGENTPHONE_BASE_URL`, else https://api.agentphone.ai */
  baseUrl?: string
  /** For each attempt: until the answer's headers arrive, and again to read its body. Default 30 000. */
  timeoutMs?: number
  /** Automatic retries of idempotent requests (GET, DELETE, PATCH); default 2. POST never. */
  retries?: number
  /** A fetch implementation, e.g. an in-process sandbox handler. */
  fetch?: typeof fetch
  signal?: AbortSignal
}

export const DEFAULT_TIMEOUT_MS = 30_000
export const DEFAULT_RETRIES = 2
/** A Retry-After longer than this is cut short: a workflow step should not stall for minutes. */
const MAX_RETRY_AFTER_MS = 30_000
const RETRYABLE_STATUS = [408, 429, 500, 502, 503, 504]
// POST is absent on purpose: a retried POST can send a second text or place a second call.
const RETRYABLE_METHODS = ['get', 'delete', 'patch']

const CANCELLED = 'The AgentPhone request was cancelled'

const optionsSchema = z.object({
  baseUrl: z.string({ error: 'must be a string' }).optional(),
  timeoutMs: z
    .number({ error: 'must be a number of milliseconds' })
    .positive('must be more than 0')
    .max(2_147_483_647, 'must be at most 2147483647 (about 24 days)')
    .optional(),
  retries: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 10')
    .max(10, 'must be between 0 and 10')
    .optional(),
  fetch: z
    .custom<typeof fetch>((value) => typeof value === 'function', 'must be a function')
    .optional(),
  signal: z.instanceof(AbortSignal, { error: 'must be an AbortSignal' }).optional(),
})

export const failure = (error: string): ToolResponse => ({ success: false, output: {}, error })

export async function executeTool(
  toolId: string,
  params: Record<string, unknown>,
  options: ExecuteOptions = {}
): Promise<ToolResponse> {
  const apiKey = typeof params?.apiKey === 'string' ? params.apiKey.trim() : undefined
  try {
    return redact(await run(toolId, params ?? {}, options ?? {}, apiKey), apiKey)
  } catch (error) {
    // Every expected fault is answered above; this is the promise never to throw.
    return redact(failure(`Unexpected error: ${errorText(error)}`), apiKey)
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))

async function run(
  toolId: string,
  rawParams: unknown,
  rawOptions: unknown,
  apiKey: string | undefined
): Promise<ToolResponse> {
  const tool = Object.hasOwn(agentphoneTools, toolId) ? agentphoneTools[toolId] : undefined
  if (!tool) return failure(`Unknown tool "${toolId}": expected one of agentphone_<operation>`)

  const checkedOptions = optionsSchema.safeParse(rawOptions)
  if (!checkedOptions.success) {
    return failure(`Invalid options: ${describeIssues(checkedOptions.error)}`)
  }
  const options = checkedOptions.data

  const checked = checkParams<Record<string, unknown>>(tool, rawParams, { refuseUnknown: true })
  if (!checked.success) return failure(checked.error)
  // A fetch such as the in-process sandbox may ignore the signal: check it before sending.
  if (options.signal?.aborted) return failure(CANCELLED)
  const { params } = checked
  const { request } = tool
  const baseUrl = resolveBaseUrl(options.baseUrl)
  if (!isHttpUrl(baseUrl) || /[?#]/.test(baseUrl)) {
    return failure(`Invalid AgentPhone base URL "${baseUrl}": expected http(s)://host`)
  }
  const url = withBaseUrl(request.url(params), baseUrl)
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  // Aborted when an answer's body stalls: ky's own timeout ends once the headers have arrived.
  const bodyDeadline = new AbortController()
  const signal = options.signal
    ? AbortSignal.any([options.signal, bodyDeadline.signal])
    : bodyDeadline.signal
  const read = (response: Response) => readText(response, timeoutMs, bodyDeadline)

  let response: Response
  try {
    response = await ky(url, {
      method: request.method,
      headers: request.headers(params),
      ...(request.body ? { json: request.body(params) } : {}),
      timeout: timeoutMs,
      retry: {
        limit: options.retries ?? DEFAULT_RETRIES,
        methods: RETRYABLE_METHODS,
        statusCodes: RETRYABLE_STATUS,
        afterStatusCodes: RETRYABLE_STATUS,
        maxRetryAfter: MAX_RETRY_AFTER_MS,
        retryOnTimeout: true,
        // A caller's abort is final, not a network fault to retry.
        shouldRetry: () => (options.signal?.aborted ? false : undefined),
      },
      signal,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    })
  } catch (error) {
    if (error instanceof HTTPError) {
      const { status, statusText } = error.response
      const text = await read(error.response).catch(() => '')
      return failure(describeErrorResponse(status, statusText, redact(text, apiKey)))
    }
    return failure(describeRequestError(error, url, timeoutMs, options.signal))
  }

  let text: string
  try {
    text = await read(response)
  } catch (error) {
    return failure(describeRequestError(error, url, timeoutMs, options.signal))
  }
  // Scrubbed before the tool reads it, so no excerpt can cut an echoed key in half.
  const { status, statusText, headers } = response
  const hasNoBody = text === '' || [204, 205, 304].includes(status)
  const readable = new Response(hasNoBody ? null : redact(text, apiKey), {
    status,
    statusText,
    headers,
  })
  try {
    return await tool.transformResponse(readable, params)
  } catch (error) {
    return failure(errorText(error))
  }
}

class BodyTimeout extends Error {}

/** The body as text, or a BodyTimeout when it has not fully arrived within `timeoutMs`. */
async function readText(
  response: Response,
  timeoutMs: number,
  deadline: AbortController
): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      deadline.abort()
      reject(new BodyTimeout())
    }, timeoutMs)
  })
  try {
    return await Promise.race([response.text(), expired])
  } finally {
    clearTimeout(timer)
  }
}

function describeRequestError(
  error: unknown,
  url: string,
  timeoutMs: number,
  signal?: AbortSignal
): string {
  const { origin } = new URL(url)
  if (signal?.aborted) return CANCELLED
  if (error instanceof TimeoutError) {
    return `AgentPhone did not answer within ${timeoutMs} ms (${origin})`
  }
  if (error instanceof BodyTimeout) {
    return `AgentPhone did not finish its answer within ${timeoutMs} ms (${origin})`
  }
  const cause = error instanceof Error ? (error.cause as Error | undefined) : undefined
  const reason = [errorText(error), cause?.message].filter(Boolean).join(': ')
  return `Could not reach AgentPhone at ${origin}: ${reason}`
}

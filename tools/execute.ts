/**
 * The runtime: validate params, send one request with ky, read the answer. It never throws:
 * bad input, HTTP errors, timeouts and network faults all come back as `{success: false, error}`,
 * with the API key scrubbed from whatever is returned.
 */
import ky, { HTTPError, TimeoutError } from 'ky'
import { resolveBaseUrl } from './agentphone/define.js'
import { describeErrorResponse, describeIssues, redact } from './agentphone/errors.js'
import { agentphoneTools } from './agentphone/index.js'
import type { ToolResponse } from './types.js'

export interface ExecuteOptions {
  /** API base URL; default `AGENTPHONE_BASE_URL`, else https://api.agentphone.ai */
  baseUrl?: string
  /** Per attempt; default 30 000 ms. */
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

const failure = (error: string): ToolResponse => ({ success: false, output: {}, error })

export async function executeTool(
  toolId: string,
  params: Record<string, unknown>,
  options: ExecuteOptions = {}
): Promise<ToolResponse> {
  const apiKey = typeof params?.apiKey === 'string' ? params.apiKey.trim() : undefined
  const result = await run(toolId, params ?? {}, options)
  return redact(result, apiKey)
}

async function run(
  toolId: string,
  rawParams: Record<string, unknown>,
  options: ExecuteOptions
): Promise<ToolResponse> {
  const tool = Object.hasOwn(agentphoneTools, toolId) ? agentphoneTools[toolId] : undefined
  if (!tool) return failure(`Unknown tool "${toolId}": expected one of agentphone_<operation>`)

  const parsed = tool.paramsSchema.safeParse(rawParams)
  if (!parsed.success) {
    return failure(`Invalid parameters for ${toolId}: ${describeIssues(parsed.error)}`)
  }
  // A fetch such as the in-process sandbox may ignore the signal: check it before sending.
  if (options.signal?.aborted) return failure(CANCELLED)
  const params = parsed.data
  const { request } = tool
  const url = request.url(params, { baseUrl: options.baseUrl })
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    return failure(
      `Invalid AgentPhone base URL "${resolveBaseUrl(options.baseUrl)}": expected http(s)://host`
    )
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS

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
        afterStatusCodes: [413, 429, 503],
        maxRetryAfter: MAX_RETRY_AFTER_MS,
        // A caller's abort is final, not a network fault to retry.
        shouldRetry: () => (options.signal?.aborted ? false : undefined),
      },
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    })
  } catch (error) {
    return failure(await describeRequestError(error, url, timeoutMs, options.signal))
  }

  try {
    return await tool.transformResponse(response, params)
  } catch (error) {
    return failure(error instanceof Error ? error.message : String(error))
  }
}

async function describeRequestError(
  error: unknown,
  url: string,
  timeoutMs: number,
  signal?: AbortSignal
): Promise<string> {
  if (error instanceof HTTPError) {
    const { status, statusText } = error.response
    const text = await error.response.text().catch(() => '')
    return describeErrorResponse(status, statusText, text)
  }
  if (error instanceof TimeoutError) {
    return `AgentPhone did not answer within ${timeoutMs} ms (${new URL(url).origin})`
  }
  if (signal?.aborted) return CANCELLED
  const cause = error instanceof Error ? (error.cause as Error | undefined) : undefined
  const reason = [error instanceof Error ? error.message : String(error), cause?.message]
    .filter(Boolean)
    .join(': ')
  return `Could not reach AgentPhone at ${new URL(url).origin}: ${reason}`
}

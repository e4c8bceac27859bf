/**
 * When to retry and how long to wait: which requests may be sent again, a capped exponential
 * backoff, `Retry-After` read strictly (a value we cannot read is ignored, never a reason to wait
 * the longest), and the total deadline every wait must fit in.
 */

export const DEFAULT_TIMEOUT_MS = 30_000
export const DEFAULT_RETRIES = 2
/** The first wait before a retry; it doubles each time, up to the cap. */
export const BACKOFF_BASE_MS = 300
export const BACKOFF_CAP_MS = 2_000
/** A Retry-After longer than this is cut short: a workflow step should not stall for minutes. */
export const MAX_RETRY_AFTER_MS = 30_000

export const RETRYABLE_STATUS: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504])
// POST is absent on purpose: a retried POST can send a second text or place a second call.
const RETRYABLE_METHODS: ReadonlySet<string> = new Set(['GET', 'DELETE', 'PATCH'])

export const isRetryableMethod = (method: string) => RETRYABLE_METHODS.has(method.toUpperCase())

/** The wait before retry number `retry` (1 for the first retry). */
export const backoffMs = (retry: number) =>
  Math.min(BACKOFF_BASE_MS * 2 ** (retry - 1), BACKOFF_CAP_MS)

/** The default total deadline: every attempt may use its whole timeout, plus every backoff. */
export function defaultDeadlineMs(timeoutMs: number, retries: number): number {
  let total = (retries + 1) * timeoutMs
  for (let retry = 1; retry <= retries; retry++) total += backoffMs(retry)
  return total
}

const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/

/**
 * `Retry-After` in milliseconds: delta-seconds, or an HTTP-date (RFC 9110). Anything else
 * (`soon`, `-1`, `1.5`) is undefined and the backoff applies. `X-RateLimit-Reset` is not read:
 * it is an epoch, not a delay.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined
  const value = header.trim()
  if (/^\d{1,10}$/.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS)
  if (HTTP_DATE.test(value)) {
    const at = Date.parse(value)
    if (!Number.isNaN(at)) return Math.min(Math.max(at - now, 0), MAX_RETRY_AFTER_MS)
  }
  return undefined
}

/**
 * Time kept back from the last step for what follows it (cancelling the body, building the
 * result) and for timers firing late on a busy event loop: the call returns by its deadline.
 */
const WRAP_UP_MS = 100

/** A point in time the whole call must end by. */
export class Deadline {
  readonly #end: number

  /**
   * `chosen`: the caller set it. A default deadline only trims the last attempt by the few ms
   * spent between attempts, so a timeout it ends is reported as the attempt's own.
   */
  constructor(
    readonly totalMs: number,
    readonly chosen = true
  ) {
    this.#end = performance.now() + totalMs - Math.min(WRAP_UP_MS, totalMs / 20)
  }

  remainingMs(): number {
    return Math.max(0, this.#end - performance.now())
  }

  /** The time limit for one step: its own limit, or what is left of the deadline if less. */
  limit(stepMs: number): { ms: number; byDeadline: boolean } {
    const remaining = Math.ceil(this.remainingMs())
    return stepMs <= remaining
      ? { ms: stepMs, byDeadline: false }
      : { ms: remaining, byDeadline: this.chosen }
  }
}

/** Waits `ms`: true when the time has passed, false as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false)
    const onAbort = () => {
      clearTimeout(timer)
      resolve(false)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve(true)
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * Whether an error answer to a DELETE says the resource is already gone: 404/410, or the
 * API's "already released/deleted" refusal.
 */
export const isAlreadyGone = (status: number, text: string) =>
  status === 404 ||
  status === 410 ||
  ((status === 400 || status === 409) &&
    /already (?:been )?(?:released|deleted|removed)/i.test(text))

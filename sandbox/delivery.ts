/**
 * Delivering events to webhooks: a signed JSON `POST`, a timeout per attempt, and retries with
 * backoff on a non-2xx answer or a network error (timing injectable, so tests never wait). Every
 * attempt is a row in the account's deliveries log. The body is built once per event, so each
 * retry sends the same bytes (re-signed with a fresh timestamp).
 */
import { agentPhoneWebhookHeaders } from '../lib/webhooks/providers/agentphone-signature.js'
import { endedCallEvents, type SandboxEvent } from './events.js'
import type { AccountState } from './model.js'
import { random } from './random.js'
import type { Session } from './store.js'
import {
  logDelivery,
  type Webhook,
  type WebhookDelivery,
  webhookFor,
  webhookState,
} from './webhooks.js'

/** Waits between attempts: 1 s, 5 s, then 30 s (four attempts in all). */
export const RETRY_DELAYS_MS: readonly number[] = [1_000, 5_000, 30_000]
/** The part of a receiver's answer kept in the log. */
const MAX_LOGGED_RESPONSE = 1_000

export interface WebhookDeliveryOptions {
  /** Sends the deliveries (default: the global `fetch`). */
  fetch?: typeof fetch
  /** Waits `ms` between attempts, or rejects when `signal` aborts (default: a real timer). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
  /** The wait before each retry; its length is the number of retries. */
  retryDelaysMs?: readonly number[]
  /** Overrides every webhook's own `timeout` (seconds) for one attempt, in ms. */
  timeoutMs?: number
}

interface DispatcherOptions extends WebhookDeliveryOptions {
  now: () => number
  /** Persists accounts after a logged attempt. */
  save: () => void
  log?: ((line: string) => void) | undefined
}

const realSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop)
      resolve()
    }, ms)
    const stop = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    signal.addEventListener('abort', stop, { once: true })
  })

interface AttemptOutcome {
  ok: boolean
  httpStatus: number | null
  errorMessage: string | null
  responseBody: string | null
}

/** Where a log line says a delivery went, without any query string (it may hold a token). */
const destination = (url: string) => {
  const { origin, pathname } = new URL(url)
  return `${origin}${pathname}`
}

const reasonOf = (error: unknown) => {
  const cause = (error as { cause?: { message?: string } }).cause?.message
  const message = error instanceof Error ? error.message : String(error)
  return cause ? `${message}: ${cause}` : message
}

export class WebhookDispatcher {
  readonly #options: DispatcherOptions
  readonly #closing = new AbortController()
  readonly #inFlight = new Set<Promise<unknown>>()
  /** One timer per account, for the next call to end. */
  readonly #callTimers = new Map<string, NodeJS.Timeout>()

  constructor(options: DispatcherOptions) {
    this.#options = options
  }

  /**
   * After each request of an account: deliver the events it raised (`session.runtime.outbox`)
   * and those of calls that have ended since, and look again when the next call ends.
   */
  afterRequest(session: Session, now: number): void {
    const raised = session.runtime.outbox.splice(0)
    const { events, nextEndAt } = endedCallEvents(session.account, now)
    for (const event of [...raised, ...events]) this.dispatch(session.account, event)
    this.#watchCalls(session, nextEndAt, now)
  }

  /** Delivers an event, with retries, in the background; nothing when no webhook receives it. */
  dispatch(account: AccountState, event: SandboxEvent): void {
    const webhook = webhookFor(account, event.agentId, this.#options.now())
    if (!webhook) return
    this.#track(this.#deliver(account, webhook, event, this.#retryDelays()))
  }

  /** One attempt, no retry (`POST …/webhook/test`): resolves with its logged row. */
  deliverOnce(account: AccountState, webhook: Webhook, event: SandboxEvent) {
    return this.#track(this.#deliver(account, webhook, event, []))
  }

  /** Resolves when no delivery is in flight or waiting to retry. */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight])
  }

  /** Abandons waiting retries and in-flight attempts (nothing more is logged), stops the timers. */
  async close(): Promise<void> {
    this.#closing.abort(new Error('sandbox closed'))
    for (const timer of this.#callTimers.values()) clearTimeout(timer)
    this.#callTimers.clear()
    await this.settled()
  }

  #retryDelays() {
    return this.#options.retryDelaysMs ?? RETRY_DELAYS_MS
  }

  #track<T>(work: Promise<T>): Promise<T> {
    this.#inFlight.add(work)
    const untrack = () => this.#inFlight.delete(work)
    work.then(untrack, untrack)
    return work
  }

  async #deliver(
    account: AccountState,
    webhook: Webhook,
    event: SandboxEvent,
    retryDelays: readonly number[]
  ): Promise<WebhookDelivery | null> {
    const { now, save, log } = this.#options
    const body = JSON.stringify(event.envelope(webhook))
    const eventId = random(account).id('evt')
    const createdAt = now()
    const attempts = retryDelays.length + 1
    let last: WebhookDelivery | null = null
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      if (this.#closing.signal.aborted) return last
      const outcome = await this.#attempt(webhook, body)
      if (this.#closing.signal.aborted) return last
      const at = now()
      const retryIn = outcome.ok ? undefined : retryDelays[attempt - 1]
      last = {
        id: random(account).id('whd'),
        webhookId: webhook.id,
        webhookAgentId: webhook.agentId,
        eventId,
        eventType: event.event,
        channel: event.channel,
        messageId: event.messageId,
        status: outcome.ok ? 'success' : 'failed',
        httpStatus: outcome.httpStatus,
        errorMessage: outcome.errorMessage,
        responseBody: outcome.responseBody,
        attemptCount: attempt,
        lastAttemptAt: at,
        nextRetryAt: retryIn === undefined ? null : at + retryIn,
        createdAt,
      }
      logDelivery(webhookState(account, at), last)
      save()
      log?.(
        `webhook ${event.event} → ${destination(webhook.url)} ` +
          `${outcome.httpStatus ?? outcome.errorMessage} (attempt ${attempt} of ${attempts})`
      )
      if (retryIn === undefined) return last
      try {
        await (this.#options.sleep ?? realSleep)(retryIn, this.#closing.signal)
      } catch {
        return last
      }
    }
    return last
  }

  async #attempt(webhook: Webhook, body: string): Promise<AttemptOutcome> {
    const timeoutMs = this.#options.timeoutMs ?? webhook.timeout * 1000
    // A timer of our own, not AbortSignal.timeout: a timeout signal held only inside
    // AbortSignal.any can be collected before it fires, and the attempt would then hang.
    const timeout = new AbortController()
    const timer = setTimeout(
      () => timeout.abort(new Error(`timed out after ${timeoutMs} ms`)),
      timeoutMs
    )
    const signal = AbortSignal.any([this.#closing.signal, timeout.signal])
    try {
      const response = await (this.#options.fetch ?? fetch)(webhook.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'AgentPhone-Webhooks (sandbox)',
          ...agentPhoneWebhookHeaders(webhook.secret, body, this.#options.now()),
        },
        body,
        redirect: 'manual',
        signal,
      })
      const text = await response.text()
      const ok = response.status >= 200 && response.status < 300
      return {
        ok,
        httpStatus: response.status,
        errorMessage: ok ? null : `HTTP ${response.status}`,
        responseBody: text.slice(0, MAX_LOGGED_RESPONSE) || null,
      }
    } catch (error) {
      const timedOut = signal.aborted && !this.#closing.signal.aborted
      return {
        ok: false,
        httpStatus: null,
        errorMessage: timedOut ? `Timed out after ${timeoutMs} ms` : reasonOf(error),
        responseBody: null,
      }
    } finally {
      clearTimeout(timer)
    }
  }

  #watchCalls(session: Session, nextEndAt: number | null, now: number) {
    const { id } = session.account
    clearTimeout(this.#callTimers.get(id))
    this.#callTimers.delete(id)
    if (nextEndAt === null || this.#closing.signal.aborted) return
    const timer = setTimeout(() => {
      this.#callTimers.delete(id)
      this.afterRequest(session, this.#options.now())
      this.#options.save()
    }, nextEndAt - now)
    timer.unref()
    this.#callTimers.set(id, timer)
  }
}

/**
 * Webhooks: where an account's events go (the project's webhook, or an agent's own, which wins),
 * and the log of every delivery attempt. Kept on the account (so `--data` persists them) and
 * created on first use, so accounts saved before webhooks existed load unchanged.
 */
import { randomBytes } from 'node:crypto'
import { type AccountState, iso, isoOrNull } from './model.js'
import { random } from './random.js'

export interface Webhook {
  id: string
  /** null: the project's webhook; else the agent whose events it receives. */
  agentId: string | null
  url: string
  secret: string
  status: 'active'
  /** How many recent messages an `agent.message` event carries in `recentHistory` (0–50). */
  contextLimit: number
  /** Seconds one delivery attempt may take before it counts as failed. */
  timeout: number
  createdAt: number
}

/** One delivery attempt: every attempt is a row of its own. */
export interface WebhookDelivery {
  id: string
  webhookId: string
  /** The agent whose webhook it went to; null: the project's. */
  webhookAgentId: string | null
  /** Shared by every attempt to deliver the same event. */
  eventId: string
  eventType: string
  channel: string | null
  messageId: string | null
  status: 'success' | 'failed'
  httpStatus: number | null
  errorMessage: string | null
  responseBody: string | null
  /** This attempt's number: 1 for the first try. */
  attemptCount: number
  lastAttemptAt: number
  nextRetryAt: number | null
  createdAt: number
}

export interface WebhookState {
  project: Webhook | null
  /** Keyed by agent ID. */
  agents: Record<string, Webhook>
  /** Newest last. */
  deliveries: WebhookDelivery[]
  /** Calls that ended up to this time (epoch ms) have had their `agent.call_ended` event. */
  callsEndedThrough: number
}

export const DEFAULT_CONTEXT_LIMIT = 10
export const DEFAULT_TIMEOUT_SECONDS = 30
const MAX_LOGGED_DELIVERIES = 1_000

/** The account's webhook state, created (with nothing registered) on first use. */
export function webhookState(account: AccountState, now: number): WebhookState {
  account.webhooks ??= { project: null, agents: {}, deliveries: [], callsEndedThrough: now }
  return account.webhooks
}

/** Where an agent's events go: its own webhook, else the project's; null when neither exists. */
export function webhookFor(account: AccountState, agentId: string | null, now: number) {
  const state = webhookState(account, now)
  return (agentId ? state.agents[agentId] : undefined) ?? state.project
}

/** A fresh signing secret: random, never derived from the account's seed. */
const newSecret = () => `whsec_${randomBytes(24).toString('hex')}`

export interface WebhookSettings {
  url: string
  contextLimit?: number | null | undefined
  timeout?: number | null | undefined
}

/**
 * Registers or updates a webhook. As the API does, an update keeps the webhook's ID and
 * generates a new secret every time.
 */
export function saveWebhook(
  account: AccountState,
  existing: Webhook | null | undefined,
  agentId: string | null,
  settings: WebhookSettings,
  now: number
): Webhook {
  return {
    id: existing?.id ?? random(account).id('wh'),
    agentId,
    url: settings.url,
    secret: newSecret(),
    status: 'active',
    contextLimit: settings.contextLimit ?? DEFAULT_CONTEXT_LIMIT,
    timeout: settings.timeout ?? DEFAULT_TIMEOUT_SECONDS,
    createdAt: existing?.createdAt ?? now,
  }
}

export function logDelivery(state: WebhookState, delivery: WebhookDelivery): void {
  state.deliveries.push(delivery)
  if (state.deliveries.length > MAX_LOGGED_DELIVERIES) state.deliveries.shift()
}

export const webhookView = (webhook: Webhook) => ({
  id: webhook.id,
  url: webhook.url,
  secret: webhook.secret,
  status: webhook.status,
  contextLimit: webhook.contextLimit,
  timeout: webhook.timeout,
  createdAt: iso(webhook.createdAt),
})

export const deliveryView = (delivery: WebhookDelivery) => ({
  id: delivery.id,
  messageId: delivery.messageId,
  eventType: delivery.eventType,
  channel: delivery.channel,
  status: delivery.status,
  httpStatus: delivery.httpStatus,
  errorMessage: delivery.errorMessage,
  responseBody: delivery.responseBody,
  attemptCount: delivery.attemptCount,
  lastAttemptAt: iso(delivery.lastAttemptAt),
  nextRetryAt: isoOrNull(delivery.nextRetryAt),
  createdAt: iso(delivery.createdAt),
})

/** Deliveries newest first, optionally only those of the last `hours` hours. */
export function recentDeliveries(
  state: WebhookState,
  now: number,
  hours: number | null | undefined,
  keep: (delivery: WebhookDelivery) => boolean = () => true
) {
  const since = hours == null ? -Infinity : now - hours * 3_600_000
  return state.deliveries
    .filter((delivery) => delivery.createdAt >= since && keep(delivery))
    .reverse()
}

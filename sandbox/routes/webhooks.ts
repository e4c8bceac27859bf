/**
 * Webhooks, as the API has them: the project's at `/v1/webhooks`, an agent's own (which wins for
 * its events) at `/v1/agents/{agent_id}/webhook`, each with a test send and a deliveries log.
 */
import { z } from 'zod'
import type { WebhookDispatcher } from '../delivery.js'
import { endpoint } from '../endpoint.js'
import { ApiError } from '../errors.js'
import { testEvent } from '../events.js'
import { findAgent } from '../lookup.js'
import type { AccountState } from '../model.js'
import { intQuery } from '../validation.js'
import {
  deliveryView,
  recentDeliveries,
  saveWebhook,
  type Webhook,
  type WebhookDelivery,
  webhookState,
  webhookView,
} from '../webhooks.js'

const webhookBody = z.object({
  url: z.url({ protocol: /^https?$/, error: 'Input should be a valid http(s) URL' }),
  contextLimit: z.int().min(0).max(50).nullish(),
  /** Seconds one delivery attempt may take. */
  timeout: z.int().min(1).max(120).nullish(),
})

const hoursQuery = z.preprocess(
  (value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
  z.int().min(1).nullish()
)

const deliveriesQuery = z.object({
  limit: intQuery({ fallback: 50, min: 1, max: 200 }),
  offset: intQuery({ fallback: 0, min: 0 }),
  hours: hoursQuery,
})

const testQuery = z.object({ agentId: z.string().nullish() })

const noWebhook = (whose: string) => new ApiError(404, `No webhook configured for ${whose}`)

/** The agent (404 when unknown), the account's webhook state and the agent's own webhook. */
function agentWebhook(account: AccountState, agentId: string, now: number) {
  const agent = findAgent(account, agentId)
  const state = webhookState(account, now)
  return { agent, state, webhook: state.agents[agent.id] }
}

/** Counts of attempts by outcome, and the share that succeeded (0 when there are none). */
function outcomes(deliveries: WebhookDelivery[]) {
  const success = deliveries.filter((delivery) => delivery.status === 'success').length
  const failed = deliveries.length - success
  const total = deliveries.length
  return { total, success, failed, successRate: total === 0 ? 0 : success / total }
}

/** The answer to a test send: the attempt's outcome, as the deliveries log has it. */
async function sendTest(
  dispatcher: WebhookDispatcher,
  account: AccountState,
  webhook: Webhook,
  agentId: string | null | undefined,
  now: number
) {
  const agent = agentId ? findAgent(account, agentId) : account.agents[0]
  const delivery = await dispatcher.deliverOnce(account, webhook, testEvent(account, agent, now))
  return {
    success: delivery?.status === 'success',
    ...(delivery ? deliveryView(delivery) : {}),
  }
}

export const webhookEndpoints = (dispatcher: WebhookDispatcher) => [
  endpoint({
    method: 'GET',
    path: '/v1/webhooks',
    handle: ({ account, now }) => {
      const { project } = webhookState(account, now)
      return project ? webhookView(project) : null
    },
  }),
  endpoint({
    method: 'POST',
    path: '/v1/webhooks',
    body: webhookBody,
    handle: ({ account, body, now }) => {
      const state = webhookState(account, now)
      state.project = saveWebhook(account, state.project, null, body, now)
      return webhookView(state.project)
    },
  }),
  endpoint({
    method: 'DELETE',
    path: '/v1/webhooks',
    handle: ({ account, now }) => {
      const state = webhookState(account, now)
      if (!state.project) throw noWebhook('this account')
      const { id } = state.project
      state.project = null
      return { success: true, id }
    },
  }),
  endpoint({
    method: 'POST',
    path: '/v1/webhooks/test',
    query: testQuery,
    handle: ({ account, query, now }) => {
      const { project } = webhookState(account, now)
      if (!project) throw noWebhook('this account')
      return sendTest(dispatcher, account, project, query.agentId, now)
    },
  }),
  endpoint({
    method: 'GET',
    path: '/v1/webhooks/deliveries',
    query: deliveriesQuery,
    handle: ({ account, query, now }) => {
      const deliveries = recentDeliveries(webhookState(account, now), now, query.hours)
      return {
        items: deliveries.slice(query.offset, query.offset + query.limit).map(deliveryView),
        total: deliveries.length,
        offset: query.offset,
        limit: query.limit,
      }
    },
  }),
  endpoint({
    method: 'GET',
    path: '/v1/webhooks/deliveries/stats',
    query: z.object({ hours: intQuery({ fallback: 24, min: 1 }) }),
    handle: ({ account, query, now }) => {
      const deliveries = recentDeliveries(webhookState(account, now), now, query.hours)
      const byEventType: Record<string, { success: number; failed: number }> = {}
      const byHour = new Map<string, WebhookDelivery[]>()
      for (const delivery of deliveries) {
        const counts = byEventType[delivery.eventType] ?? { success: 0, failed: 0 }
        counts[delivery.status] += 1
        byEventType[delivery.eventType] = counts
        const hour = `${new Date(delivery.createdAt).toISOString().slice(0, 13)}:00:00.000Z`
        byHour.set(hour, [...(byHour.get(hour) ?? []), delivery])
      }
      return {
        ...outcomes(deliveries),
        pending: 0,
        byEventType,
        byHour: [...byHour]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([hour, items]) => ({ hour, ...outcomes(items) })),
      }
    },
  }),
  endpoint({
    method: 'GET',
    path: '/v1/webhooks/deliveries/all-time',
    handle: ({ account, now }) => outcomes(webhookState(account, now).deliveries),
  }),

  endpoint({
    method: 'GET',
    path: '/v1/agents/:agentId/webhook',
    handle: ({ account, params, now }) => {
      const { webhook } = agentWebhook(account, params.agentId, now)
      return webhook ? webhookView(webhook) : null
    },
  }),
  endpoint({
    method: 'POST',
    path: '/v1/agents/:agentId/webhook',
    body: webhookBody,
    handle: ({ account, params, body, now }) => {
      const { agent, state, webhook } = agentWebhook(account, params.agentId, now)
      const saved = saveWebhook(account, webhook, agent.id, body, now)
      state.agents[agent.id] = saved
      return webhookView(saved)
    },
  }),
  endpoint({
    method: 'DELETE',
    path: '/v1/agents/:agentId/webhook',
    handle: ({ account, params, now }) => {
      const { agent, state, webhook } = agentWebhook(account, params.agentId, now)
      if (!webhook) throw noWebhook(`agent ${agent.id}`)
      delete state.agents[agent.id]
      return { success: true, id: webhook.id }
    },
  }),
  endpoint({
    method: 'GET',
    path: '/v1/agents/:agentId/webhook/deliveries',
    query: z.object({ limit: intQuery({ fallback: 50, min: 1, max: 200 }) }),
    handle: ({ account, params, query, now }) => {
      const { agent, state } = agentWebhook(account, params.agentId, now)
      return recentDeliveries(state, now, null, (delivery) => delivery.webhookAgentId === agent.id)
        .slice(0, query.limit)
        .map(deliveryView)
    },
  }),
  endpoint({
    method: 'POST',
    path: '/v1/agents/:agentId/webhook/test',
    handle: ({ account, params, now }) => {
      const { agent, webhook } = agentWebhook(account, params.agentId, now)
      if (!webhook) throw noWebhook(`agent ${agent.id}`)
      return sendTest(dispatcher, account, webhook, agent.id, now)
    },
  }),
]

import { createLogger } from '@sim/logger'
import { NextResponse } from 'next/server'
import { getNotificationUrl, getProviderConfig } from '@/lib/webhooks/provider-subscription-utils'
import {
  AGENTPHONE_SIGNATURE_HEADER,
  AGENTPHONE_TIMESTAMP_HEADER,
  verifyAgentPhoneWebhook,
} from '@/lib/webhooks/providers/agentphone-signature'
import type {
  AuthContext,
  DeleteSubscriptionContext,
  EventMatchContext,
  FormatInputContext,
  FormatInputResult,
  SubscriptionContext,
  SubscriptionResult,
  WebhookProviderHandler,
} from '@/lib/webhooks/providers/types'
import { AGENTPHONE_TRIGGER_EVENTS } from '@/triggers/agentphone/utils'

const logger = createLogger('WebhookProvider:AgentPhone')

export const AGENTPHONE_API_BASE = 'https://api.agentphone.ai'

type Json = Record<string, unknown>

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/**
 * Where the webhook is registered: the agent's own (`/v1/agents/{id}/webhook`) when the trigger
 * names an agent, else the account's (`/v1/webhooks`). `agentphoneBaseUrl` in the provider config
 * points the calls elsewhere than the real API (the local workbench's sandbox).
 */
function registrationUrl(providerConfig: Json): string {
  const base = (text(providerConfig.agentphoneBaseUrl) || AGENTPHONE_API_BASE).replace(/\/+$/, '')
  const agentId = text(providerConfig.triggerAgentId)
  return agentId
    ? `${base}/v1/agents/${encodeURIComponent(agentId)}/webhook`
    : `${base}/v1/webhooks`
}

const authHeaders = (apiKey: string) => ({
  Authorization: `Bearer ${apiKey}`,
  'Content-Type': 'application/json',
})

/** The API's own words for a refusal: FastAPI's `detail`, a string or a list of issues. */
function apiError(status: number, body: unknown): Error {
  const detail = isRecord(body) ? body.detail : undefined
  const words =
    typeof detail === 'string'
      ? detail
      : Array.isArray(detail)
        ? detail
            .map((issue) =>
              isRecord(issue) && Array.isArray(issue.loc)
                ? `${issue.loc.join('.')}: ${String(issue.msg)}`
                : ''
            )
            .join('; ')
        : 'no details'
  if (status === 401 || status === 403) {
    return new Error(`Invalid AgentPhone API Key (HTTP ${status}: ${words})`)
  }
  return new Error(`AgentPhone refused the webhook (HTTP ${status}): ${words}`)
}

/** What identifies one event, however often it is delivered: its type, time and subject. */
function eventKey(body: Json): string | null {
  const data = isRecord(body.data) ? body.data : {}
  const event = text(body.event)
  const timestamp = text(body.timestamp)
  if (!event || !timestamp) return null
  const subject = [data.messageId, data.callId, data.conversationId].find(
    (value) => typeof value === 'string' && value.length > 0
  )
  return `agentphone:${event}:${timestamp}:${subject ?? ''}`
}

/**
 * AgentPhone webhook handler: verifies `X-Webhook-Signature` against the secret AgentPhone
 * returned when the webhook was registered, keeps only the trigger's event (and agent), hands the
 * envelope to the workflow, and registers and removes the webhook through the API.
 */
export const agentphoneHandler: WebhookProviderHandler = {
  verifyAuth({ request, rawBody, requestId, providerConfig }: AuthContext): NextResponse | null {
    const secret = text(providerConfig.webhookSecret)
    if (!secret) {
      logger.warn(`[${requestId}] AgentPhone webhook has no signing secret`)
      return new NextResponse('Unauthorized - AgentPhone webhook secret is not configured', {
        status: 401,
      })
    }
    const check = verifyAgentPhoneWebhook({
      secret,
      rawBody,
      timestamp: request.headers.get(AGENTPHONE_TIMESTAMP_HEADER),
      signature: request.headers.get(AGENTPHONE_SIGNATURE_HEADER),
    })
    if (!check.valid) {
      logger.warn(`[${requestId}] AgentPhone webhook refused: ${check.reason}`)
      return new NextResponse(`Unauthorized - ${check.message}`, { status: 401 })
    }
    return null
  },

  matchEvent({ body, providerConfig, requestId }: EventMatchContext): boolean {
    if (!isRecord(body)) {
      logger.warn(`[${requestId}] AgentPhone webhook payload was not an object`)
      return false
    }
    const triggerId = text(providerConfig.triggerId)
    const expected = AGENTPHONE_TRIGGER_EVENTS[triggerId]
    if (triggerId && !expected) {
      logger.warn(`[${requestId}] Unknown AgentPhone trigger ${triggerId}`)
      return false
    }
    if (expected && body.event !== expected) {
      logger.debug(`[${requestId}] AgentPhone ${String(body.event)} is not ${expected}, skipped`)
      return false
    }
    const agentId = text(providerConfig.triggerAgentId)
    if (agentId && body.agentId !== agentId) {
      logger.debug(`[${requestId}] AgentPhone event for another agent, skipped`)
      return false
    }
    return true
  },

  extractIdempotencyId(body: unknown): string | null {
    return isRecord(body) ? eventKey(body) : null
  },

  async formatInput({ body }: FormatInputContext): Promise<FormatInputResult> {
    const envelope = isRecord(body) ? body : {}
    const message = envelope.event === 'agent.message'
    return {
      input: {
        event: envelope.event ?? null,
        channel: envelope.channel ?? null,
        timestamp: envelope.timestamp ?? null,
        agentId: envelope.agentId ?? null,
        data: isRecord(envelope.data) ? envelope.data : {},
        ...(message
          ? {
              conversationState: envelope.conversationState ?? null,
              recentHistory: Array.isArray(envelope.recentHistory) ? envelope.recentHistory : [],
            }
          : {}),
      },
    }
  },

  async createSubscription({
    webhook,
    requestId,
  }: SubscriptionContext): Promise<SubscriptionResult | undefined> {
    const providerConfig = getProviderConfig(webhook)
    const apiKey = text(providerConfig.triggerApiKey)
    if (!apiKey) {
      throw new Error(
        'AgentPhone API Key is required. Please provide your AgentPhone API Key in the trigger configuration.'
      )
    }
    const url = registrationUrl(providerConfig)
    logger.info(`[${requestId}] Registering AgentPhone webhook for webhook ${String(webhook.id)}`)
    const response = await fetch(url, {
      method: 'POST',
      headers: authHeaders(apiKey),
      body: JSON.stringify({ url: getNotificationUrl(webhook) }),
    })
    const body: unknown = await response.json().catch(() => null)
    if (!response.ok) throw apiError(response.status, body)

    const externalId = isRecord(body) ? text(body.id) : ''
    const webhookSecret = isRecord(body) ? text(body.secret) : ''
    if (!externalId || !webhookSecret) {
      throw new Error('AgentPhone registered the webhook but answered without its id or secret.')
    }
    logger.info(`[${requestId}] Registered AgentPhone webhook ${externalId}`)
    return { providerConfigUpdates: { externalId, webhookSecret } }
  },

  /**
   * Removes the registration, but only while it is still this webhook's: the account (or agent)
   * has one webhook, and another workflow may have registered its own since.
   */
  async deleteSubscription({ webhook, requestId, strict }: DeleteSubscriptionContext) {
    try {
      const providerConfig = getProviderConfig(webhook)
      const apiKey = text(providerConfig.triggerApiKey)
      const externalId = text(providerConfig.externalId)
      if (!apiKey || !externalId) {
        logger.warn(`[${requestId}] AgentPhone webhook ${String(webhook.id)} was never registered`)
        if (strict) throw new Error('Missing AgentPhone webhook deletion credentials')
        return
      }
      const url = registrationUrl(providerConfig)
      const current = await fetch(url, { headers: authHeaders(apiKey) })
      const registered: unknown = await current.json().catch(() => null)
      if (!current.ok) throw apiError(current.status, registered)
      // An update keeps the id, so the URL tells whether it still points here.
      if (
        !isRecord(registered) ||
        registered.id !== externalId ||
        registered.url !== getNotificationUrl(webhook)
      ) {
        logger.info(`[${requestId}] AgentPhone webhook ${externalId} is no longer registered`)
        return
      }
      const response = await fetch(url, { method: 'DELETE', headers: authHeaders(apiKey) })
      if (!response.ok && response.status !== 404) {
        throw apiError(response.status, await response.json().catch(() => null))
      }
      logger.info(`[${requestId}] Removed AgentPhone webhook ${externalId}`)
    } catch (error) {
      logger.warn(`[${requestId}] Error removing AgentPhone webhook`, error)
      if (strict) throw error
    }
  },
}

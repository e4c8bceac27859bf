/**
 * This project's own declaration of Sim's webhook provider interface
 * (`apps/sim/lib/webhooks/providers/types.ts`): the parts a provider handler implements and the
 * contexts it receives, structurally compatible with Sim's. Not exported: a Sim checkout has its
 * own.
 */
import type { NextRequest, NextResponse } from 'next/server'

/** Context for signature/token verification. */
export interface AuthContext {
  webhook: Record<string, unknown>
  workflow: Record<string, unknown>
  request: NextRequest
  rawBody: string
  requestId: string
  providerConfig: Record<string, unknown>
}

/** Context for event matching against trigger configuration. */
export interface EventMatchContext {
  webhook: Record<string, unknown>
  workflow: Record<string, unknown>
  body: unknown
  request: NextRequest
  requestId: string
  providerConfig: Record<string, unknown>
}

/** Context for event filtering and header enrichment. */
export interface EventFilterContext {
  webhook: Record<string, unknown>
  body: unknown
  requestId: string
  providerConfig: Record<string, unknown>
}

/** Context for custom input preparation during execution. */
export interface FormatInputContext {
  webhook: Record<string, unknown>
  workflow: { id: string; userId: string }
  body: unknown
  headers: Record<string, string>
  query: Record<string, string>
  method: string
  requestId: string
}

export interface FormatInputResult {
  input: unknown
  skip?: { message: string }
}

/** Context for creating an external webhook subscription during deployment. */
export interface SubscriptionContext {
  webhook: Record<string, unknown>
  workflow: Record<string, unknown>
  userId: string
  requestId: string
  request: NextRequest
}

export interface SubscriptionResult {
  /** Fields to merge into providerConfig (externalId, webhookSecret, etc.) */
  providerConfigUpdates?: Record<string, unknown>
}

/** Context for deleting an external webhook subscription during undeployment. */
export interface DeleteSubscriptionContext {
  webhook: Record<string, unknown>
  workflow: Record<string, unknown>
  requestId: string
  strict?: boolean
}

/** The strategy a provider implements; every method is optional. */
export interface WebhookProviderHandler {
  executionMode?: 'inline' | 'queue'
  /** Verify signature/auth. A 401/403 response on failure, null on success. */
  verifyAuth?(ctx: AuthContext): Promise<NextResponse | null> | NextResponse | null
  shouldSkipEvent?(ctx: EventFilterContext): boolean
  /** True if the event is one this trigger runs on; false (or a response) to skip it. */
  matchEvent?(ctx: EventMatchContext): Promise<boolean | NextResponse> | boolean | NextResponse
  /** A key that is the same for every delivery of one event, to run it once. */
  extractIdempotencyId?(body: unknown): string | null
  formatInput?(ctx: FormatInputContext): Promise<FormatInputResult>
  createSubscription?(ctx: SubscriptionContext): Promise<SubscriptionResult | undefined>
  deleteSubscription?(ctx: DeleteSubscriptionContext): Promise<void>
}

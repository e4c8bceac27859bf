/**
 * AgentPhone's webhook signature, written once for both sides: the sender (the sandbox) signs
 * with it and the receiver (the provider handler, the workflow server) verifies with it.
 *
 * A delivery carries `X-Webhook-Timestamp: <unix seconds>` and
 * `X-Webhook-Signature: sha256=<lowercase hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`.
 * A receiver refuses a missing or invalid signature and a timestamp more than five minutes away
 * from its clock, comparing in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export const AGENTPHONE_TIMESTAMP_HEADER = 'X-Webhook-Timestamp'
export const AGENTPHONE_SIGNATURE_HEADER = 'X-Webhook-Signature'
/** How far a delivery's timestamp may be from the receiver's clock, either way. */
export const AGENTPHONE_SIGNATURE_TOLERANCE_SECONDS = 300

const SIGNATURE_PREFIX = 'sha256='

/** `sha256=<hex>` for one delivery: the HMAC of `"<timestamp>.<raw body>"` keyed with the secret. */
export function signAgentPhoneWebhook(
  secret: string,
  timestamp: number | string,
  rawBody: string
): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')
  return `${SIGNATURE_PREFIX}${digest}`
}

/** The two headers a delivery of `rawBody` carries when sent at `nowMs`. */
export function agentPhoneWebhookHeaders(
  secret: string,
  rawBody: string,
  nowMs: number
): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000)
  return {
    [AGENTPHONE_TIMESTAMP_HEADER]: String(timestamp),
    [AGENTPHONE_SIGNATURE_HEADER]: signAgentPhoneWebhook(secret, timestamp, rawBody),
  }
}

export type AgentPhoneSignatureFailure =
  | 'missing_timestamp'
  | 'missing_signature'
  | 'malformed_timestamp'
  | 'stale_timestamp'
  | 'invalid_signature'

export type AgentPhoneSignatureCheck =
  | { valid: true; timestamp: number }
  | { valid: false; reason: AgentPhoneSignatureFailure; message: string }

export interface AgentPhoneSignatureInput {
  secret: string
  rawBody: string
  /** The `X-Webhook-Timestamp` header, as received. */
  timestamp: string | null | undefined
  /** The `X-Webhook-Signature` header, as received. */
  signature: string | null | undefined
  /** The receiver's clock in epoch ms (default `Date.now()`). */
  nowMs?: number
  toleranceSeconds?: number
}

const refuse = (reason: AgentPhoneSignatureFailure, message: string): AgentPhoneSignatureCheck => ({
  valid: false,
  reason,
  message,
})

/** Equal strings, compared in time that does not depend on where they differ. */
function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8')
  const right = Buffer.from(b, 'utf8')
  // Lengths are public (a hex digest has one length); only the content is compared in constant time.
  return left.length === right.length && timingSafeEqual(left, right)
}

/** Checks one delivery's headers against its raw body; never throws. */
export function verifyAgentPhoneWebhook({
  secret,
  rawBody,
  timestamp,
  signature,
  nowMs = Date.now(),
  toleranceSeconds = AGENTPHONE_SIGNATURE_TOLERANCE_SECONDS,
}: AgentPhoneSignatureInput): AgentPhoneSignatureCheck {
  if (!timestamp) {
    return refuse('missing_timestamp', `Missing ${AGENTPHONE_TIMESTAMP_HEADER} header`)
  }
  if (!signature) {
    return refuse('missing_signature', `Missing ${AGENTPHONE_SIGNATURE_HEADER} header`)
  }
  const sentAtText = timestamp.trim()
  if (!/^\d{1,12}$/.test(sentAtText)) {
    return refuse('malformed_timestamp', `${AGENTPHONE_TIMESTAMP_HEADER} is not unix seconds`)
  }
  const sentAt = Number(sentAtText)
  if (Math.abs(nowMs / 1000 - sentAt) > toleranceSeconds) {
    return refuse(
      'stale_timestamp',
      `${AGENTPHONE_TIMESTAMP_HEADER} is more than ${toleranceSeconds} seconds from now`
    )
  }
  // Signed over the header's own text, as the sender wrote it.
  const expected = signAgentPhoneWebhook(secret, sentAtText, rawBody)
  if (!constantTimeEqual(signature.trim().toLowerCase(), expected)) {
    return refuse('invalid_signature', `${AGENTPHONE_SIGNATURE_HEADER} does not match the body`)
  }
  return { valid: true, timestamp: sentAt }
}

/** The webhook signature both sides use: `sha256=<hex HMAC-SHA256(secret, "<ts>.<raw body>")>`. */
import { describe, expect, it } from 'vitest'
import {
  AGENTPHONE_SIGNATURE_HEADER,
  AGENTPHONE_TIMESTAMP_HEADER,
  agentPhoneWebhookHeaders,
  signAgentPhoneWebhook,
  verifyAgentPhoneWebhook,
} from '../../lib/webhooks/providers/agentphone-signature.js'

const secret = 'whsec_test'
const body = '{"event":"agent.message"}'
const sentAt = 1_700_000_000
const nowMs = sentAt * 1000 + 2_000
const signature = signAgentPhoneWebhook(secret, sentAt, body)
const check = (overrides: Partial<Parameters<typeof verifyAgentPhoneWebhook>[0]>) =>
  verifyAgentPhoneWebhook({
    secret,
    rawBody: body,
    timestamp: String(sentAt),
    signature,
    nowMs,
    ...overrides,
  })

describe('AgentPhone webhook signature', () => {
  it('signs "<timestamp>.<raw body>" with HMAC-SHA256 as sha256=<lowercase hex>', () => {
    // Computed independently (Python's hmac module).
    expect(signature).toBe(
      'sha256=72d439f9d43cfd9b0433bf16c921f8797faa94cd3fcedae6375ce638eabfd08a'
    )
  })

  it('builds both headers for a delivery sent now', () => {
    expect(agentPhoneWebhookHeaders(secret, body, sentAt * 1000 + 999)).toEqual({
      [AGENTPHONE_TIMESTAMP_HEADER]: String(sentAt),
      [AGENTPHONE_SIGNATURE_HEADER]: signature,
    })
  })

  it('accepts a good signature, also at the edges of the 5-minute window', () => {
    expect(check({})).toEqual({ valid: true, timestamp: sentAt })
    expect(check({ nowMs: (sentAt + 300) * 1000 }).valid).toBe(true)
    expect(check({ nowMs: (sentAt - 300) * 1000 }).valid).toBe(true)
  })

  it('refuses a tampered body', () => {
    expect(check({ rawBody: body.replace('message', 'reaction') })).toMatchObject({
      valid: false,
      reason: 'invalid_signature',
    })
    expect(check({ rawBody: `${body} ` })).toMatchObject({ valid: false })
  })

  it('refuses a signature made with another secret', () => {
    expect(check({ secret: 'whsec_other' })).toMatchObject({
      valid: false,
      reason: 'invalid_signature',
    })
  })

  it('refuses a timestamp more than 5 minutes from now, either way', () => {
    for (const offset of [301, -301, 86_400]) {
      const result = check({ nowMs: (sentAt + offset) * 1000 })
      expect(result).toMatchObject({ valid: false, reason: 'stale_timestamp' })
    }
  })

  it('refuses a re-dated delivery: the timestamp is part of what is signed', () => {
    expect(check({ timestamp: String(sentAt + 1) })).toMatchObject({
      valid: false,
      reason: 'invalid_signature',
    })
  })

  it('refuses a missing header or a malformed one, naming it', () => {
    expect(check({ timestamp: undefined })).toEqual({
      valid: false,
      reason: 'missing_timestamp',
      message: 'Missing X-Webhook-Timestamp header',
    })
    expect(check({ signature: null })).toEqual({
      valid: false,
      reason: 'missing_signature',
      message: 'Missing X-Webhook-Signature header',
    })
    expect(check({ timestamp: '2023-11-14T22:13:20Z' })).toMatchObject({
      reason: 'malformed_timestamp',
    })
    expect(check({ signature: signature.slice('sha256='.length) })).toMatchObject({
      reason: 'invalid_signature',
    })
    expect(check({ signature: `${signature}00` })).toMatchObject({ reason: 'invalid_signature' })
  })
})

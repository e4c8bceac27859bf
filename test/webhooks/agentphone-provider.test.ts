/** The AgentPhone webhook provider handler, in Sim's `WebhookProviderHandler` shape. */
import { describe, expect, it } from 'vitest'
import { agentphoneHandler } from '@/lib/webhooks/providers/agentphone'
import {
  AGENTPHONE_SIGNATURE_HEADER,
  AGENTPHONE_TIMESTAMP_HEADER,
  agentPhoneWebhookHeaders,
} from '@/lib/webhooks/providers/agentphone-signature'
import { setup } from '../sandbox/harness.js'
import { fakeReceiver } from '../support/webhook-receiver.js'

const secret = 'whsec_provider_test'
const handler = agentphoneHandler

const messageEvent = {
  event: 'agent.message',
  channel: 'sms',
  timestamp: '2026-03-02T15:04:05.000Z',
  agentId: 'agt_1',
  data: { messageId: 'msg_1', conversationId: 'conv_1', from: '+14155550101', message: 'Hi' },
  conversationState: { stage: 'lead' },
  recentHistory: [{ id: 'msg_0', message: 'Earlier' }],
}
const callEvent = {
  event: 'agent.call_ended',
  channel: 'voice',
  timestamp: '2026-03-02T15:05:00.000Z',
  agentId: 'agt_2',
  data: { callId: 'call_1', status: 'completed', transcript: [] },
}

function signedRequest(rawBody: string, headers: Record<string, string> = {}) {
  return new Request('http://workbench.test/hooks/wf_1', {
    method: 'POST',
    headers: { ...agentPhoneWebhookHeaders(secret, rawBody, Date.now()), ...headers },
    body: rawBody,
  })
}

async function verify(
  request: Request,
  rawBody: string,
  providerConfig = { webhookSecret: secret }
) {
  const base = { webhook: {}, workflow: {}, requestId: 'req_1', providerConfig }
  return handler.verifyAuth?.({ ...base, request, rawBody }) ?? null
}

const match = (body: unknown, providerConfig: Record<string, unknown>) =>
  handler.matchEvent?.({
    webhook: {},
    workflow: {},
    body,
    request: new Request('http://workbench.test/hooks/wf_1'),
    requestId: 'req_1',
    providerConfig,
  })

describe('verifyAuth', () => {
  const rawBody = JSON.stringify(messageEvent)

  it('accepts a delivery signed with the secret AgentPhone returned', async () => {
    expect(await verify(signedRequest(rawBody), rawBody)).toBeNull()
  })

  it('refuses, with 401 and the reason, a tampered body, a wrong secret, a stale or missing header', async () => {
    const cases: [Request, string, string][] = [
      [signedRequest(rawBody), rawBody.replace('Hi', 'Hello'), 'does not match the body'],
      [
        signedRequest(rawBody, agentPhoneWebhookHeaders('whsec_other', rawBody, Date.now())),
        rawBody,
        'does not match the body',
      ],
      [
        signedRequest(rawBody, agentPhoneWebhookHeaders(secret, rawBody, Date.now() - 600_000)),
        rawBody,
        'more than 300 seconds from now',
      ],
      [
        new Request('http://workbench.test/hooks/wf_1', {
          method: 'POST',
          headers: { [AGENTPHONE_TIMESTAMP_HEADER]: String(Math.floor(Date.now() / 1000)) },
          body: rawBody,
        }),
        rawBody,
        `Missing ${AGENTPHONE_SIGNATURE_HEADER} header`,
      ],
    ]
    for (const [request, body, reason] of cases) {
      const refused = await verify(request, body)
      expect(refused?.status).toBe(401)
      expect(await refused?.text()).toContain(reason)
    }
  })

  it('fails closed when no secret was stored', async () => {
    const refused = await verify(signedRequest(rawBody), rawBody, { webhookSecret: '' })
    expect(refused?.status).toBe(401)
    expect(await refused?.text()).toBe('Unauthorized - AgentPhone webhook secret is not configured')
  })
})

describe('matchEvent', () => {
  it("keeps only the trigger's own event", () => {
    expect(match(messageEvent, { triggerId: 'agentphone_message_received' })).toBe(true)
    expect(match(callEvent, { triggerId: 'agentphone_message_received' })).toBe(false)
    expect(match(callEvent, { triggerId: 'agentphone_call_ended' })).toBe(true)
    expect(match(messageEvent, { triggerId: 'agentphone_reaction_received' })).toBe(false)
    expect(
      match(
        { ...messageEvent, event: 'agent.reaction' },
        {
          triggerId: 'agentphone_reaction_received',
        }
      )
    ).toBe(true)
    expect(match(messageEvent, { triggerId: 'agentphone_unknown' })).toBe(false)
    expect(match('not an object', { triggerId: 'agentphone_message_received' })).toBe(false)
  })

  it('with an agent filter, keeps only that agent’s events', () => {
    const config = { triggerId: 'agentphone_message_received', triggerAgentId: 'agt_1' }
    expect(match(messageEvent, config)).toBe(true)
    expect(match({ ...messageEvent, agentId: 'agt_9' }, config)).toBe(false)
    expect(match(messageEvent, { ...config, triggerAgentId: '  ' })).toBe(true)
  })
})

describe('extractIdempotencyId and formatInput', () => {
  it('keys an event on its type, timestamp and subject: a redelivery has the same key', () => {
    const key = handler.extractIdempotencyId?.(JSON.parse(JSON.stringify(messageEvent)))
    expect(key).toBe('agentphone:agent.message:2026-03-02T15:04:05.000Z:msg_1')
    expect(handler.extractIdempotencyId?.(callEvent)).toBe(
      'agentphone:agent.call_ended:2026-03-02T15:05:00.000Z:call_1'
    )
    expect(
      handler.extractIdempotencyId?.({ ...messageEvent, timestamp: '2026-03-02T15:04:06.000Z' })
    ).not.toBe(key)
    expect(handler.extractIdempotencyId?.({ data: {} })).toBeNull()
  })

  it('hands the workflow the envelope: what <trigger.data.from> and friends read', async () => {
    const context = {
      webhook: {},
      workflow: { id: 'wf_1', userId: 'user_1' },
      headers: {},
      query: {},
      method: 'POST',
      requestId: 'req_1',
    }
    expect(await handler.formatInput?.({ ...context, body: messageEvent })).toEqual({
      input: messageEvent,
    })
    expect(await handler.formatInput?.({ ...context, body: callEvent })).toEqual({
      input: callEvent,
    })
  })
})

describe('createSubscription and deleteSubscription, against the sandbox', () => {
  async function sandboxWebhook(providerConfig: Record<string, unknown> = {}) {
    const receiver = fakeReceiver()
    const harness = await setup({ port: 0, webhooks: { fetch: receiver.fetch } })
    const inbound = (body: string) =>
      harness.api('POST', '/sandbox/inbound', {
        numberId: harness.seed.numbers[0]?.id,
        from: '+14155550101',
        body,
      })
    const webhook = {
      id: 'hook_1',
      path: 'wf_1',
      baseUrl: 'http://workbench.test/',
      providerConfig: {
        triggerId: 'agentphone_message_received',
        triggerApiKey: harness.key,
        agentphoneBaseUrl: harness.sandbox.url,
        ...providerConfig,
      },
    }
    const subscribe = () =>
      handler.createSubscription?.({
        webhook,
        workflow: {},
        userId: 'user_1',
        requestId: 'req_1',
        request: new Request('http://workbench.test/'),
      })
    const unsubscribe = (strict = false) =>
      handler.deleteSubscription?.({ webhook, workflow: {}, requestId: 'req_1', strict })
    return { ...harness, receiver, inbound, webhook, subscribe, unsubscribe }
  }

  it("registers the account's webhook at the workflow's /hooks URL and keeps its secret", async () => {
    const { api, webhook, subscribe, unsubscribe } = await sandboxWebhook()
    const result = await subscribe()
    const registered = (await api('GET', '/v1/webhooks')).body as Record<string, unknown>
    expect(registered.url).toBe('http://workbench.test/hooks/wf_1')
    expect(result).toEqual({
      providerConfigUpdates: { externalId: registered.id, webhookSecret: registered.secret },
    })

    Object.assign(webhook.providerConfig, result?.providerConfigUpdates)
    await unsubscribe()
    expect((await api('GET', '/v1/webhooks')).body).toBeNull()
  })

  it("with an agent filter, registers that agent's own webhook", async () => {
    const { api, subscribe, seed, webhook } = await sandboxWebhook()
    const agentId = seed.agents[1]?.id
    Object.assign(webhook.providerConfig, { triggerAgentId: agentId })
    const result = await subscribe()
    const own = (await api('GET', `/v1/agents/${agentId}/webhook`)).body as Record<string, unknown>
    expect(own).toMatchObject({ url: 'http://workbench.test/hooks/wf_1' })
    expect(result?.providerConfigUpdates?.webhookSecret).toBe(own.secret)
    expect((await api('GET', '/v1/webhooks')).body).toBeNull()
  })

  it('leaves a registration that another workflow has taken over since', async () => {
    const { api, webhook, subscribe, unsubscribe } = await sandboxWebhook()
    Object.assign(webhook.providerConfig, (await subscribe())?.providerConfigUpdates)
    await api('POST', '/v1/webhooks', { url: 'http://workbench.test/hooks/wf_2' })
    await unsubscribe(true)
    expect((await api('GET', '/v1/webhooks')).body).toMatchObject({
      url: 'http://workbench.test/hooks/wf_2',
    })
  })

  it('says what is wrong: no key, a refused key, a refused URL', async () => {
    const noKey = await sandboxWebhook({ triggerApiKey: '' })
    await expect(noKey.subscribe()).rejects.toThrow('AgentPhone API Key is required')

    const badKey = await sandboxWebhook({ triggerApiKey: 'sk_live_not_a_sandbox_key' })
    const refused = badKey.subscribe()
    await expect(refused).rejects.toThrow('Invalid AgentPhone API Key (HTTP 401: Invalid API key)')
    await expect(refused).rejects.not.toThrow('sk_live_not_a_sandbox_key')

    const badAgent = await sandboxWebhook({ triggerAgentId: 'agt_missing' })
    await expect(badAgent.subscribe()).rejects.toThrow(
      'AgentPhone refused the webhook (HTTP 404): Agent not found'
    )

    const never = await sandboxWebhook()
    await expect(never.unsubscribe(true)).rejects.toThrow('Missing AgentPhone webhook deletion')
    await expect(never.unsubscribe(false)).resolves.toBeUndefined()
  })

  it('a delivery the sandbox sends passes verifyAuth with the secret kept at subscription', async () => {
    const { webhook, subscribe, inbound, receiver, sandbox, seed, clock } = await sandboxWebhook()
    clock.now = Date.now() // the handler checks the timestamp against the real clock
    Object.assign(webhook.providerConfig, (await subscribe())?.providerConfigUpdates)
    await inbound('Is my order ready?')
    await sandbox.settled()
    const [delivery] = receiver.received
    if (!delivery) throw new Error('delivered')
    expect(delivery.url).toBe('http://workbench.test/hooks/wf_1')
    const request = new Request(delivery.url, {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
    })
    expect(await verify(request, delivery.body, webhook.providerConfig as never)).toBeNull()
    expect(match(delivery.json, webhook.providerConfig)).toBe(true)
    const formatted = await handler.formatInput?.({
      webhook,
      workflow: { id: 'wf_1', userId: 'user_1' },
      body: delivery.json,
      headers: delivery.headers,
      query: {},
      method: 'POST',
      requestId: 'req_1',
    })
    expect(formatted?.input).toMatchObject({
      event: 'agent.message',
      agentId: seed.agents[0]?.id,
      data: { from: '+14155550101', message: 'Is my order ready?' },
    })
  })
})

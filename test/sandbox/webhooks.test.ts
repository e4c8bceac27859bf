/** Webhooks in the sandbox: registering them, and the signed events it delivers with retries. */
import { createServer } from 'node:http'
import { describe, expect, it, onTestFinished } from 'vitest'
import { verifyAgentPhoneWebhook } from '../../lib/webhooks/providers/agentphone-signature.js'
import { RETRY_DELAYS_MS } from '../../sandbox/delivery.js'
import { iso } from '../../sandbox/model.js'
import { fakeReceiver, recordedSleep, type ScriptedAnswer } from '../support/webhook-receiver.js'
import { setup, T0 } from './harness.js'

const HOOK_URL = 'https://hooks.example.test/agentphone?token=abc'

interface WebhookAnswer {
  id: string
  url: string
  secret: string
  status: string
  contextLimit: number
  timeout: number
  createdAt: string
}

interface DeliveryRow {
  id: string
  messageId: string | null
  eventType: string
  channel: string | null
  status: string
  httpStatus: number | null
  errorMessage: string | null
  responseBody: string | null
  attemptCount: number
  lastAttemptAt: string
  nextRetryAt: string | null
  createdAt: string
}

async function withReceiver(script: ScriptedAnswer[] = [], timeoutMs?: number) {
  const receiver = fakeReceiver(script)
  const { sleep, waits } = recordedSleep()
  const harness = await setup({
    webhooks: { fetch: receiver.fetch, sleep, ...(timeoutMs ? { timeoutMs } : {}) },
  })
  const register = async (body: Record<string, unknown> = {}, path = '/v1/webhooks') => {
    const answer = await harness.api('POST', path, { url: HOOK_URL, ...body })
    expect(answer.status).toBe(200)
    return answer.body as WebhookAnswer
  }
  /** A text from `from` to the seed's first number (or the one given). */
  const inbound = (body: string, from = '+14155550101', numberId = harness.seed.numbers[0]?.id) =>
    harness.api('POST', '/sandbox/inbound', { numberId, from, body })
  const deliveries = async (query = '') => {
    const answer = await harness.api('GET', `/v1/webhooks/deliveries${query}`)
    expect(answer.status).toBe(200)
    return answer.body as { items: DeliveryRow[]; total: number; offset: number; limit: number }
  }
  return { ...harness, receiver, waits, register, inbound, deliveries }
}

/** Every delivery carries a valid signature for the webhook's secret. */
function expectSigned(
  delivery: { headers: Record<string, string>; body: string },
  secret: string,
  nowMs: number
) {
  expect(delivery.headers['content-type']).toBe('application/json')
  expect(
    verifyAgentPhoneWebhook({
      secret,
      rawBody: delivery.body,
      timestamp: delivery.headers['x-webhook-timestamp'],
      signature: delivery.headers['x-webhook-signature'],
      nowMs,
    })
  ).toEqual({ valid: true, timestamp: Math.floor(nowMs / 1000) })
}

describe('registering webhooks', () => {
  it('the project webhook: create, read, update (new secret, same id), delete', async () => {
    const { api, register } = await withReceiver()
    expect((await api('GET', '/v1/webhooks')).body).toBeNull()

    const created = await register({ contextLimit: 3 })
    expect(created).toEqual({
      id: expect.stringMatching(/^wh_/),
      url: HOOK_URL,
      secret: expect.stringMatching(/^whsec_[0-9a-f]{48}$/),
      status: 'active',
      contextLimit: 3,
      timeout: 30,
      createdAt: iso(T0),
    })
    expect((await api('GET', '/v1/webhooks')).body).toEqual(created)

    const updated = await register({ url: 'https://other.example.test/hook', timeout: 5 })
    expect(updated).toMatchObject({ id: created.id, contextLimit: 10, timeout: 5 })
    expect(updated.secret).not.toBe(created.secret)

    expect(await api('DELETE', '/v1/webhooks')).toMatchObject({
      status: 200,
      body: { success: true, id: created.id },
    })
    expect((await api('GET', '/v1/webhooks')).body).toBeNull()
    expect(await api('DELETE', '/v1/webhooks')).toMatchObject({
      status: 404,
      body: { detail: 'No webhook configured for this account' },
    })
  })

  it('refuses a missing or non-http URL and out-of-range settings with 422', async () => {
    const { api } = await withReceiver()
    for (const body of [
      {},
      { url: 'ftp://example.com/hook' },
      { url: 'not a url' },
      { url: HOOK_URL, contextLimit: 51 },
      { url: HOOK_URL, timeout: 0 },
    ]) {
      const answer = await api('POST', '/v1/webhooks', body)
      expect(answer.status).toBe(422)
      expect((answer.body as { detail: { loc: string[] }[] }).detail[0]?.loc[0]).toBe('body')
    }
    expect((await api('GET', '/v1/webhooks')).body).toBeNull()
  })

  it("an agent's webhook: its own secret; unknown agents are 404", async () => {
    const { api, register, seed } = await withReceiver()
    const agentId = seed.agents[0]?.id as string
    const path = `/v1/agents/${agentId}/webhook`
    expect((await api('GET', path)).body).toBeNull()
    const project = await register()
    const own = await register({ url: 'https://agent.example.test/hook' }, path)
    expect(own.id).not.toBe(project.id)
    expect(own.secret).not.toBe(project.secret)
    expect((await api('GET', path)).body).toEqual(own)
    expect((await api('GET', '/v1/webhooks')).body).toEqual(project)

    expect(await api('POST', '/v1/agents/agt_nope/webhook', { url: HOOK_URL })).toMatchObject({
      status: 404,
      body: { detail: 'Agent not found' },
    })
    expect((await api('DELETE', path)).body).toEqual({ success: true, id: own.id })
    expect((await api('GET', path)).body).toBeNull()
  })
})

describe('delivering events', () => {
  it('an inbound message: signed, with the envelope, contact, conversation state and history', async () => {
    const { api, register, receiver, sandbox, seed, clock } = await withReceiver()
    const { secret } = await register({ contextLimit: 2 })
    const conversation = seed.conversations[0]
    if (!conversation) throw new Error('seed has a conversation')
    const contact = seed.contacts.find((c) => c.phoneNumber === conversation.participant)
    const number = seed.numbers.find((n) => n.id === conversation.phoneNumberId)
    const earlier = seed.messages
      .filter((m) => m.conversationId === conversation.id)
      .sort((a, b) => a.receivedAt - b.receivedAt)
      .slice(-2)

    clock.now += 5_000
    const inbound = await api('POST', '/sandbox/inbound', {
      conversationId: conversation.id,
      body: 'Can I come at 4 instead?',
    })
    expect(inbound.status).toBe(201)
    await sandbox.settled()

    expect(receiver.received).toHaveLength(1)
    const [delivery] = receiver.received
    if (!delivery) throw new Error('delivered')
    expect(delivery.url).toBe(HOOK_URL)
    expectSigned(delivery, secret, clock.now)
    const message = inbound.body as { id: string; channel: string }
    expect(delivery.json).toEqual({
      event: 'agent.message',
      channel: 'imessage',
      timestamp: iso(clock.now),
      agentId: conversation.agentId,
      data: {
        messageId: message.id,
        conversationId: conversation.id,
        numberId: conversation.phoneNumberId,
        from: conversation.participant,
        to: number?.phoneNumber,
        contact: {
          id: contact?.id,
          phoneNumber: contact?.phoneNumber,
          name: contact?.name,
          email: contact?.email,
          notes: contact?.notes,
          createdAt: iso(contact?.createdAt ?? 0),
          updatedAt: iso(contact?.updatedAt ?? 0),
        },
        message: 'Can I come at 4 instead?',
        mediaUrl: null,
        mediaUrls: [],
        direction: 'inbound',
        receivedAt: iso(clock.now),
      },
      conversationState: { stage: 'booked', appointment: 'Thursday 15:30' },
      recentHistory: earlier.map((m) => ({
        id: m.id,
        direction: m.direction,
        from: m.fromNumber,
        to: m.toNumber,
        message: m.body,
        channel: m.channel,
        mediaUrls: m.mediaUrls,
        receivedAt: iso(m.receivedAt),
      })),
    })
  })

  it("an agent's own webhook wins over the project's; other agents still use the project's", async () => {
    const { register, receiver, sandbox, seed, inbound } = await withReceiver()
    const [frontDesk, followUps] = seed.agents
    const [frontNumber, followNumber] = seed.numbers
    await register()
    const own = await register(
      { url: 'https://agent.example.test/hook' },
      `/v1/agents/${frontDesk?.id}/webhook`
    )
    await inbound('A', '+14155550101', frontNumber?.id)
    await inbound('B', '+14155550103', followNumber?.id)
    await sandbox.settled()
    const routes = receiver.received.map((d) => [
      d.url,
      (d.json.data as { message: string }).message,
      d.json.agentId,
    ])
    expect(routes).toEqual([
      ['https://agent.example.test/hook', 'A', frontDesk?.id],
      [HOOK_URL, 'B', followUps?.id],
    ])
    expectSigned(receiver.received[0] as never, own.secret, T0)
  })

  it('nothing is delivered, and nothing logged, when no webhook is registered', async () => {
    const { receiver, sandbox, deliveries, inbound } = await withReceiver()
    await inbound('Hello?')
    await sandbox.settled()
    expect(receiver.received).toEqual([])
    expect(await deliveries()).toEqual({ items: [], total: 0, offset: 0, limit: 50 })
  })

  it('an inbound reaction to an iMessage message', async () => {
    const { api, register, receiver, sandbox, seed, clock } = await withReceiver()
    const { secret } = await register()
    const conversation = seed.conversations[0]
    const target = seed.messages.find(
      (m) => m.conversationId === conversation?.id && m.mediaUrls.length > 0
    )
    clock.now += 1_000
    const reacted = await api('POST', '/sandbox/inbound/reactions', {
      messageId: target?.id,
      reaction: 'laugh',
    })
    expect(reacted).toMatchObject({
      status: 201,
      body: {
        reactionType: 'laugh',
        messageId: target?.id,
        fromNumber: conversation?.participant,
        direction: 'inbound',
      },
    })
    await sandbox.settled()
    const [delivery] = receiver.received
    if (!delivery) throw new Error('delivered')
    expectSigned(delivery, secret, clock.now)
    expect(delivery.json).toEqual({
      event: 'agent.reaction',
      channel: 'imessage',
      timestamp: iso(clock.now),
      agentId: conversation?.agentId,
      data: {
        conversationId: conversation?.id,
        numberId: conversation?.phoneNumberId,
        reactionType: 'laugh',
        fromNumber: conversation?.participant,
        direction: 'inbound',
        messageId: target?.id,
        messageBody: target?.body,
        messageMediaUrl: target?.mediaUrls[0],
        messageMediaUrls: target?.mediaUrls,
        createdAt: iso(clock.now),
      },
    })
    const sms = seed.messages.find((m) => m.channel !== 'imessage')
    expect(
      await api('POST', '/sandbox/inbound/reactions', { messageId: sms?.id, reaction: 'like' })
    ).toMatchObject({ status: 400 })
  })

  it('a call that reaches completed: agent.call_ended with the whole transcript, once', async () => {
    const { api, run, register, receiver, sandbox, seed, clock } = await withReceiver()
    const { secret } = await register()
    const agent = seed.agents[0]
    const placed = await run('create_call', {
      agentId: agent?.id,
      toNumber: '+14155550188',
      systemPrompt: 'You are confirming a delivery window.',
    })
    expect(placed.success).toBe(true)
    const callId = placed.output.id as string

    clock.now += 5_000 // in progress: nothing yet
    await api('GET', `/v1/calls/${callId}`)
    await sandbox.settled()
    expect(receiver.received).toEqual([])

    clock.now += 60_000
    const final = (await api('GET', `/v1/calls/${callId}`)).body as Record<string, unknown>
    const transcript = (await api('GET', `/v1/calls/${callId}/transcript`)).body as {
      transcript: unknown[]
    }
    await sandbox.settled()
    expect(receiver.received).toHaveLength(1)
    const [delivery] = receiver.received
    if (!delivery) throw new Error('delivered')
    expectSigned(delivery, secret, clock.now)
    expect(delivery.json).toEqual({
      event: 'agent.call_ended',
      channel: 'voice',
      timestamp: final.endedAt,
      agentId: agent?.id,
      data: {
        callId,
        numberId: final.phoneNumberId,
        from: final.fromNumber,
        to: '+14155550188',
        contact: null,
        direction: 'outbound',
        status: 'completed',
        startedAt: final.startedAt,
        endedAt: final.endedAt,
        durationSeconds: final.durationSeconds,
        disconnectionReason: 'agent_hangup',
        transcript: transcript.transcript,
        summary: expect.stringContaining('Outbound call to +14155550188: 3 exchanges'),
        userSentiment: 'Positive',
        callSuccessful: true,
      },
    })
    expect(transcript.transcript).toHaveLength(6)
    expect(transcript.transcript[3]).toMatchObject({
      role: 'agent',
      content: "I'm confirming a delivery window.",
    })
    // Seeded calls ended before the account existed: they never produce events.
    clock.now += 60_000
    await api('GET', '/v1/calls')
    await sandbox.settled()
    expect(receiver.received).toHaveLength(1)
  })

  it('POST /v1/webhooks/test sends one signed test message and answers with its outcome', async () => {
    const { api, register, receiver, seed, deliveries } = await withReceiver([503])
    expect(await api('POST', '/v1/webhooks/test')).toMatchObject({ status: 404 })
    const { secret } = await register()
    const agent = seed.agents[1]
    const failed = await api('POST', `/v1/webhooks/test?agentId=${agent?.id}`)
    expect(failed).toMatchObject({
      status: 200,
      body: {
        success: false,
        status: 'failed',
        httpStatus: 503,
        attemptCount: 1,
        nextRetryAt: null,
      },
    })
    const passed = await api('POST', '/v1/webhooks/test')
    expect(passed.body).toMatchObject({ success: true, status: 'success', httpStatus: 200 })
    expect(receiver.received).toHaveLength(2) // a test is never retried
    expectSigned(receiver.received[0] as never, secret, T0)
    expect(receiver.received[0]?.json).toMatchObject({
      event: 'agent.message',
      agentId: agent?.id,
      data: { direction: 'inbound', to: seed.numbers[1]?.phoneNumber },
    })
    expect(receiver.received[1]?.json.agentId).toBe(seed.agents[0]?.id)
    expect((await deliveries()).total).toBe(2)
  })
})

describe('retries and the deliveries log', () => {
  it('a receiver that fails twice then succeeds: three attempts, each logged', async () => {
    const { register, receiver, sandbox, waits, deliveries, clock, inbound } = await withReceiver([
      500,
      'network-error',
      200,
    ])
    const { secret } = await register()
    await inbound('Are you open today?')
    await sandbox.settled()

    expect(receiver.received).toHaveLength(3)
    expect(waits).toEqual(RETRY_DELAYS_MS.slice(0, 2))
    // Every attempt sends the same event, each signed.
    expect(new Set(receiver.received.map((d) => d.body)).size).toBe(1)
    for (const delivery of receiver.received) expectSigned(delivery, secret, clock.now)

    const log = await deliveries()
    expect(log.total).toBe(3)
    const [first] = receiver.received
    const messageId = (first?.json.data as { messageId?: string } | undefined)?.messageId
    // Newest first.
    expect(log.items.map(({ id: _, ...row }) => row)).toEqual([
      {
        messageId,
        eventType: 'agent.message',
        channel: 'sms',
        status: 'success',
        httpStatus: 200,
        errorMessage: null,
        responseBody: 'ok',
        attemptCount: 3,
        lastAttemptAt: iso(T0),
        nextRetryAt: null,
        createdAt: iso(T0),
      },
      {
        messageId,
        eventType: 'agent.message',
        channel: 'sms',
        status: 'failed',
        httpStatus: null,
        errorMessage: 'fetch failed: connect ECONNREFUSED 127.0.0.1:9',
        responseBody: null,
        attemptCount: 2,
        lastAttemptAt: iso(T0),
        nextRetryAt: iso(T0 + (RETRY_DELAYS_MS[1] ?? 0)),
        createdAt: iso(T0),
      },
      {
        messageId,
        eventType: 'agent.message',
        channel: 'sms',
        status: 'failed',
        httpStatus: 500,
        errorMessage: 'HTTP 500',
        responseBody: 'receiver said 500',
        attemptCount: 1,
        lastAttemptAt: iso(T0),
        nextRetryAt: iso(T0 + (RETRY_DELAYS_MS[0] ?? 0)),
        createdAt: iso(T0),
      },
    ])
  })

  it('gives up after the last retry; a timeout counts as a failure', async () => {
    const { register, receiver, sandbox, waits, deliveries, inbound } = await withReceiver(
      ['hang', 502, 502, 502, 200],
      20
    )
    await register()
    await inbound('Hello')
    await sandbox.settled()
    expect(receiver.received).toHaveLength(RETRY_DELAYS_MS.length + 1)
    expect(waits).toEqual(RETRY_DELAYS_MS)
    const { items } = await deliveries()
    expect(
      items.map((row) => [row.attemptCount, row.status, row.httpStatus, row.errorMessage])
    ).toEqual([
      [4, 'failed', 502, 'HTTP 502'],
      [3, 'failed', 502, 'HTTP 502'],
      [2, 'failed', 502, 'HTTP 502'],
      [1, 'failed', null, 'Timed out after 20 ms'],
    ])
    expect(items[0]?.nextRetryAt).toBeNull()
  })

  it('pages with limit/offset and keeps only the last `hours` hours', async () => {
    const { api, register, inbound, sandbox, deliveries, clock } = await withReceiver()
    await register()
    await inbound('old')
    await sandbox.settled()
    clock.now += 3 * 3_600_000
    await inbound('new 1')
    await inbound('new 2')
    await sandbox.settled()

    const all = await deliveries()
    expect(all.total).toBe(3)
    const recent = await deliveries('?hours=2')
    expect(recent.total).toBe(2)
    expect(recent.items.every((row) => row.createdAt === iso(clock.now))).toBe(true)
    const page = await deliveries('?limit=1&offset=1')
    expect(page).toMatchObject({ total: 3, offset: 1, limit: 1 })
    expect(page.items).toEqual([all.items[1]])
    expect(await api('GET', '/v1/webhooks/deliveries?limit=0')).toMatchObject({ status: 422 })

    expect((await api('GET', '/v1/webhooks/deliveries/all-time')).body).toEqual({
      total: 3,
      success: 3,
      failed: 0,
      successRate: 1,
    })
    expect((await api('GET', '/v1/webhooks/deliveries/stats?hours=2')).body).toMatchObject({
      total: 2,
      byEventType: { 'agent.message': { success: 2, failed: 0 } },
    })
  })

  it("an agent's deliveries list shows only what went to its own webhook", async () => {
    const { api, register, sandbox, seed, inbound } = await withReceiver()
    const agentId = seed.agents[0]?.id
    await register()
    await inbound('to project')
    await sandbox.settled()
    await register({}, `/v1/agents/${agentId}/webhook`)
    await inbound('to agent')
    await sandbox.settled()
    const rows = (await api('GET', `/v1/agents/${agentId}/webhook/deliveries`))
      .body as DeliveryRow[]
    expect(rows).toHaveLength(1)
    expect(((await api('GET', '/v1/webhooks/deliveries')).body as { total: number }).total).toBe(2)
  })
})

describe('over a real socket', () => {
  it('delivers to an HTTP receiver with the signature headers', async () => {
    const bodies: { headers: Record<string, unknown>; body: string }[] = []
    const server = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk) => {
        body += chunk
      })
      request.on('end', () => {
        bodies.push({ headers: request.headers, body })
        response.writeHead(204).end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : 0

    const { api, sandbox, seed } = await setup({ webhooks: { timeoutMs: 5_000 } })
    const created = await api('POST', '/v1/webhooks', { url: `http://127.0.0.1:${port}/hook` })
    const { secret } = created.body as WebhookAnswer
    await api('POST', '/sandbox/inbound', {
      numberId: seed.numbers[0]?.id,
      from: '+14155550101',
      body: 'Hi',
    })
    await sandbox.settled()
    expect(bodies).toHaveLength(1)
    expectSigned(
      { headers: bodies[0]?.headers as Record<string, string>, body: bodies[0]?.body ?? '' },
      secret,
      T0
    )
  })
})

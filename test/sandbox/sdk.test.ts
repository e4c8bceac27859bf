/**
 * The official TypeScript SDK (npm `agentphone`) against the sandbox: every method of the SDK is
 * called once with realistic input; each must succeed with the answer's shape, and every answer
 * must match the OpenAPI description's schema.
 */
import { AgentPhoneClient, AgentPhoneError } from 'agentphone'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../sandbox/index.js'
import { iso } from '../../sandbox/model.js'
import { hashKey } from '../../sandbox/random.js'
import { seedAccount } from '../../sandbox/seed.js'
import { newKey, T0 } from './harness.js'
import { type Exchange, recordingFetch, schemaProblems, specOperations } from './openapi.js'

/** Every SDK area is in scope (webhooks included, since the sandbox delivers them too). */
const EXCLUDED_RESOURCES: string[] = []

type Client = AgentPhoneClient
type Resource = Exclude<keyof Client, symbol>

/** Every method of every resource client the SDK has, as `resource.method`. */
function sdkMethods(client: Client): string[] {
  const resources = Object.getOwnPropertyNames(Object.getPrototypeOf(client)).filter(
    (name) => name !== 'constructor' && !name.startsWith('_')
  ) as Resource[]
  return resources.flatMap((resource) =>
    Object.getOwnPropertyNames(Object.getPrototypeOf(client[resource]))
      .filter((name) => name !== 'constructor' && !name.startsWith('_'))
      .map((method) => `${resource}.${method}`)
  )
}

const clock = { now: T0 }
const key = newKey()
const seed = seedAccount(hashKey(key), T0)
const exchanges: Exchange[] = []
/** Each method called, with its outcome: the value it resolved to, or the error it threw. */
const outcomes = new Map<string, { data?: unknown; error?: unknown }>()
let sandbox: Sandbox
let client: Client

const call = async <T>(method: string, run: () => Promise<T>): Promise<T> => {
  try {
    const data = await run()
    outcomes.set(method, { data })
    return data
  } catch (error) {
    outcomes.set(method, { error })
    throw error
  }
}

const [frontDesk, followUps] = seed.agents
const [usNumber, caNumber] = seed.numbers
const imessageThread = seed.conversations.find((c) => c.phoneNumberId === usNumber?.id)
const smsThread = seed.conversations.find((c) => c.phoneNumberId === caNumber?.id)
const [outboundCall] = seed.calls
const anyString = expect.any(String)
const isoTime = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)

beforeAll(async () => {
  sandbox = await startSandbox({
    now: () => clock.now,
    // Webhook deliveries reach this receiver, which takes them all.
    webhooks: { fetch: async () => new Response('ok'), retryDelaysMs: [] },
  })
  client = new AgentPhoneClient({
    token: key,
    baseUrl: sandbox.url,
    fetch: recordingFetch(sandbox.fetch, exchanges),
    maxRetries: 0,
  })
  if (!frontDesk || !followUps || !usNumber || !caNumber || !imessageThread || !smsThread) {
    throw new Error('the seed lacks agents, numbers or threads')
  }
  if (!outboundCall) throw new Error('the seed lacks calls')
  await runEveryMethod()
})

afterAll(() => sandbox.close())

/** The scenario: each step checks what it got, and later steps use earlier steps' IDs. */
async function runEveryMethod() {
  if (!frontDesk || !usNumber || !caNumber || !imessageThread || !smsThread || !outboundCall) return

  // Agents
  const voices = (await call('agents.listVoices', () => client.agents.listVoices())) as {
    data: { voice_id: string }[]
  }
  expect(voices.data.map((voice) => voice.voice_id)).toContain(frontDesk.voice)
  const agents = await call('agents.listAgents', () => client.agents.listAgents())
  expect(agents).toMatchObject({ total: 2, data: [{ id: frontDesk.id, description: null }, {}] })
  const created = await call('agents.createAgent', () =>
    client.agents.createAgent({
      name: 'Sales line',
      description: 'Answers pricing questions',
      voiceMode: 'hosted',
      systemPrompt: 'You are the sales line for {{company}}.',
      voice: 'nova',
      modelTier: 'max',
      language: 'fr-FR',
      voiceSpeed: 1.2,
      customTools: [
        { name: 'lookup_order', description: 'Finds an order', url: 'https://example.com/orders' },
      ],
    })
  )
  expect(created).toMatchObject({
    name: 'Sales line',
    description: 'Answers pricing questions',
    voiceMode: 'hosted',
    voice: 'nova',
    modelTier: 'max',
    language: 'fr-FR',
    voiceSpeed: 1.2,
    enableMessaging: true,
    sttMode: 'fast',
    maxSilenceMs: 600_000,
    customTools: [{ name: 'lookup_order' }],
    numbers: [],
    createdAt: isoTime,
  })
  expect(
    await call('agents.getAgent', () => client.agents.getAgent({ agent_id: created.id }))
  ).toEqual(created)
  const updated = await call('agents.updateAgent', () =>
    client.agents.updateAgent({ agent_id: created.id, description: null, voiceSpeed: 1.5 })
  )
  expect(updated).toMatchObject({ name: 'Sales line', description: null, voiceSpeed: 1.5 })
  const spare = await call('numbers.createNumber', () =>
    client.numbers.createNumber({ country: 'CA', areaCode: '604' })
  )
  expect(spare).toMatchObject({ country: 'CA', agentId: null, status: 'active', type: 'sms' })
  expect(spare.phoneNumber).toMatch(/^\+1604\d{7}$/)
  const attached = await call('agents.attachNumberToAgent', () =>
    client.agents.attachNumberToAgent({ agent_id: created.id, numberId: spare.id })
  )
  expect(attached).toEqual({
    agentId: created.id,
    number: { id: spare.id, phoneNumber: spare.phoneNumber, status: 'active', type: 'sms' },
  })
  const agentConversations = await call('agents.listAgentConversations', () =>
    client.agents.listAgentConversations({ agent_id: frontDesk.id })
  )
  expect(agentConversations).toMatchObject({
    total: 1,
    hasMore: false,
    data: [{ id: imessageThread.id, agentId: frontDesk.id, lastMessagePreview: anyString }],
  })
  const agentCalls = await call('agents.listAgentCalls', () =>
    client.agents.listAgentCalls({ agent_id: frontDesk.id })
  )
  expect(agentCalls).toMatchObject({
    total: 1,
    data: [{ id: outboundCall.id, status: 'completed' }],
  })

  // Numbers
  const numbers = await call('numbers.listNumbers', () => client.numbers.listNumbers())
  expect(numbers).toMatchObject({ total: 3, hasMore: false })
  expect(
    await call('numbers.getNumber', () => client.numbers.getNumber({ number_id: spare.id }))
  ).toEqual({ ...spare, agentId: created.id })
  const numberMessages = await call('numbers.getMessages', () =>
    client.numbers.getMessages({ number_id: usNumber.id, limit: 2 })
  )
  expect(numberMessages).toMatchObject({
    hasMore: true,
    data: [{ from_: anyString, to: anyString, channel: 'imessage', receivedAt: isoTime }, {}],
  })

  // Messages: the spec needs only `body` and a line, named by number_id or from_number.
  const byNumberId = await call('messages.sendMessage', () =>
    client.messages.sendMessage({
      number_id: usNumber.id,
      to_number: '+14155550188',
      body: 'Your table is ready',
    })
  )
  expect(byNumberId).toMatchObject({
    status: 'sent',
    channel: 'imessage',
    from_number: usNumber.phoneNumber,
    to_number: '+14155550188',
    conversation_id: anyString,
    media_urls: [],
  })
  const byFromNumber = await client.messages.sendMessage({
    from_number: caNumber.phoneNumber,
    to_number: '+14155550187',
    body: 'See you soon',
    reply_to_message_id: 'msg_unknown',
  })
  expect(byFromNumber).toMatchObject({
    channel: 'sms',
    from_number: caNumber.phoneNumber,
    reply_parent_unresolved: true,
  })
  const reaction = await call('messages.sendReaction', () =>
    client.messages.sendReaction({ message_id: byNumberId.id, reaction: 'like' })
  )
  expect(reaction).toEqual({
    id: anyString,
    reaction_type: 'like',
    message_id: byNumberId.id,
    channel: 'imessage',
  })

  // Conversations
  const conversations = await call('conversations.listConversations', () =>
    client.conversations.listConversations()
  )
  expect(conversations.data[0]).toMatchObject({
    participant: '+14155550187',
    isGroup: false,
    participants: [{ identifier: '+14155550187', name: null }],
  })
  const thread = await call('conversations.getConversation', () =>
    client.conversations.getConversation({ conversation_id: byNumberId.conversation_id ?? '' })
  )
  expect(thread.messages[0]).toMatchObject({
    id: byNumberId.id,
    reactions: [{ reactionType: 'like', fromNumber: usNumber.phoneNumber, direction: 'outbound' }],
  })
  const tagged = await call('conversations.updateConversation', () =>
    client.conversations.updateConversation({
      conversation_id: imessageThread.id,
      metadata: { stage: 'vip' },
    })
  )
  expect(tagged).toMatchObject({ id: imessageThread.id, metadata: { stage: 'vip' } })
  const page = await call('conversations.getConversationMessages', () =>
    client.conversations.getConversationMessages({ conversation_id: imessageThread.id, limit: 3 })
  )
  expect(page).toMatchObject({ hasMore: true, data: [{}, {}, {}] })
  expect(
    await call('conversations.sendTypingIndicator', () =>
      client.conversations.sendTypingIndicator({ conversation_id: imessageThread.id })
    )
  ).toEqual({ conversationId: imessageThread.id, channel: 'imessage', status: 'sent' })
  expect(
    await call('conversations.setChatBackground', () =>
      client.conversations.setChatBackground({
        conversation_id: imessageThread.id,
        image_url: 'https://example.com/wallpaper.png',
      })
    )
  ).toMatchObject({ conversationId: imessageThread.id, hasBackground: true, changed: true })
  expect(
    await call('conversations.removeChatBackground', () =>
      client.conversations.removeChatBackground({ conversation_id: imessageThread.id })
    )
  ).toBeUndefined()

  // Contacts
  const contacts = await call('contacts.listContacts', () => client.contacts.listContacts())
  expect(contacts).toMatchObject({ total: seed.contacts.length, hasMore: false })
  const contact = await call('contacts.createContact', () =>
    client.contacts.createContact({ phoneNumber: '(415) 555-0166', name: 'Grace Hopper' })
  )
  expect(contact).toMatchObject({ phoneNumber: '+14155550166', email: null, notes: null })
  expect(
    await call('contacts.getContactCapabilities', () =>
      client.contacts.getContactCapabilities({ phone_number: '+14155550166' })
    )
  ).toEqual({
    phoneNumber: '+14155550166',
    capabilities: { imessage: true, sms: true },
    checkedAt: isoTime,
  })
  expect(
    await call('contacts.getContact', () => client.contacts.getContact({ contact_id: contact.id }))
  ).toEqual(contact)
  expect(
    await call('contacts.updateContact', () =>
      client.contacts.updateContact({ contact_id: contact.id, notes: 'Prefers calls' })
    )
  ).toMatchObject({ id: contact.id, notes: 'Prefers calls' })
  expect(
    await call('contacts.deleteContact', () =>
      client.contacts.deleteContact({ contact_id: contact.id })
    )
  ).toBeUndefined()

  // Calls
  const placed = (await call('calls.createOutboundCall', () =>
    client.calls.createOutboundCall({
      agentId: created.id,
      toNumber: '+14155550123',
      fromNumberId: spare.id,
      variables: { company: 'Acme' },
    })
  )) as Record<string, unknown>
  expect(placed).toMatchObject({ status: 'queued', fromNumber: spare.phoneNumber })
  const queued = await call('calls.listCalls', () => client.calls.listCalls({ status: 'queued' }))
  expect(queued).toMatchObject({ total: 1, data: [{ id: placed.id, status: 'queued' }] })
  // Long-poll: the answer comes once the call has ended, whatever the clock did meanwhile.
  const waiting = call('calls.getCall', () =>
    client.calls.getCall(
      { call_id: String(placed.id) },
      { queryParams: { wait: true, timeout: 60 }, timeoutInSeconds: 120 }
    )
  )
  clock.now += 60_000
  const finished = (await waiting) as Record<string, unknown>
  expect(finished).toMatchObject({ id: placed.id, status: 'completed', recordingAvailable: true })
  expect(JSON.stringify(finished.transcripts)).toContain("I'm the sales line for Acme.")
  expect(
    await call('calls.listCallsForNumber', () =>
      client.calls.listCallsForNumber({ number_id: spare.id })
    )
  ).toMatchObject({ total: 1, data: [{ id: placed.id }] })
  const transcript = (await call('calls.getCallTranscript', () =>
    client.calls.getCallTranscript({ call_id: String(placed.id) })
  )) as { transcript: { role: string }[] }
  expect(transcript).toMatchObject({ callId: placed.id, status: 'completed' })
  expect(transcript.transcript.map((turn) => turn.role)).toEqual([
    'user',
    'agent',
    'user',
    'agent',
    'user',
    'agent',
  ])
  // An event stream: the SDK hands back the raw text it could not read as JSON.
  const stream = await call('calls.streamCallTranscript', () =>
    client.calls.streamCallTranscript({ call_id: String(placed.id) }).withRawResponse()
  )
  expect(stream.rawResponse.headers.get('Content-Type')).toMatch(/^text\/event-stream/)
  const events = JSON.stringify(stream.data)
  expect(events.match(/event: transcript/g)).toHaveLength(6)
  expect(events).toContain('event: ended')
  const recording = await call('calls.getCallRecording', () =>
    client.calls.getCallRecording({ call_id: String(placed.id) }).withRawResponse()
  )
  expect(recording.rawResponse.headers.get('Content-Type')).toBe('audio/wav')
  expect(JSON.stringify(recording.data)).toContain('RIFF')
  const web = (await call('calls.createWebCall', () =>
    client.calls.createWebCall({ agentId: created.id, metadata: { page: '/pricing' } })
  )) as Record<string, unknown>
  expect(web).toMatchObject({
    id: anyString,
    type: 'web',
    status: 'queued',
    accessToken: anyString,
  })
  clock.now += 5_000
  const ended = await call('calls.endCall', () => client.calls.endCall({ call_id: String(web.id) }))
  expect(ended).toMatchObject({ id: web.id, status: 'completed', phoneNumberId: null })

  // Contact cards
  expect(
    await call('contactCards.putContactCard', () =>
      client.contactCards.putContactCard({
        number_id: usNumber.id,
        displayName: 'Harbor Dental',
        avatarUrl: 'https://example.com/logo.png',
      })
    )
  ).toEqual({ firstName: null, lastName: null, displayName: 'Harbor Dental', hasAvatar: true })
  expect(
    await call('contactCards.getContactCard', () =>
      client.contactCards.getContactCard({ number_id: usNumber.id })
    )
  ).toMatchObject({ displayName: 'Harbor Dental' })
  expect(
    await call('contactCards.deleteContactCard', () =>
      client.contactCards.deleteContactCard({ number_id: usNumber.id })
    )
  ).toBeUndefined()

  // Usage
  expect(await call('usage.getUsage', () => client.usage.getUsage())).toMatchObject({
    numbers: { used: 3, limit: 5, remaining: 2 },
  })
  expect(
    await call('usage.getDailyUsage', () => client.usage.getDailyUsage({ days: 7 }))
  ).toMatchObject({ days: 7 })
  expect(
    await call('usage.getMonthlyUsage', () => client.usage.getMonthlyUsage({ months: 3 }))
  ).toMatchObject({ months: 3 })
  const byNumber = await call('usage.getUsageByNumber', () => client.usage.getUsageByNumber())
  expect(byNumber.data.find((row) => row.numberId === spare.id)).toMatchObject({
    calls: 1,
    messages: 0,
  })
  const byAgent = await call('usage.getUsageByAgent', () =>
    client.usage.getUsageByAgent({ period: 'month', tz: 'America/New_York' })
  )
  expect(byAgent).toMatchObject({ period: 'month', periodStart: '2026-03-01T05:00:00.000Z' })
  expect(byAgent.data.find((row) => row.agentId === created.id)).toMatchObject({ calls: 2 })

  // Sub-accounts: each one's data is its own.
  const sub = (await call('subAccounts.createSubAccount', () =>
    client.subAccounts.createSubAccount({ name: 'Clinic B' })
  )) as { id: string }
  expect(sub).toMatchObject({ id: expect.stringMatching(/^sub_/), name: 'Clinic B' })
  expect(
    await call('subAccounts.updateSubAccount', () =>
      client.subAccounts.updateSubAccount({ sub_account_id: sub.id, name: 'Clinic B (east)' })
    )
  ).toMatchObject({ id: sub.id, name: 'Clinic B (east)' })
  await client.numbers.createNumber({ 'X-Sub-Account-Id': sub.id })
  expect(await client.numbers.listNumbers({ 'X-Sub-Account-Id': sub.id })).toMatchObject({
    total: 1,
  })
  expect(await client.agents.listAgents({ 'X-Sub-Account-Id': sub.id })).toMatchObject({ total: 0 })
  expect(
    await call('subAccounts.listSubAccounts', () => client.subAccounts.listSubAccounts())
  ).toMatchObject({ total: 1, data: [{ id: sub.id, numberCount: 1 }] })

  // Registration and location
  expect(
    await call('registration.getRegistrationStatus', () =>
      client.registration.getRegistrationStatus()
    )
  ).toMatchObject({ campaign_status: 'none' })
  const registered = await call('registration.registerA2P', () =>
    client.registration.registerA2P({
      registration_type: 'sole_proprietor',
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      phone_number: '+14155550100',
      brand_name: 'Harbor Dental',
      street_address: '1 Main St',
      city: 'San Francisco',
      state: 'CA',
      zip_code: '94105',
      description: 'A dental clinic texting patients about their appointments and reminders.',
      use_cases: ['customer_care'],
      message_samples: [
        'Harbor Dental: your cleaning is booked for Thursday at 15:30.',
        'Harbor Dental: reply YES to confirm tomorrow’s appointment.',
      ],
      consent_flow: 'Patients tick a consent box on the booking form before any message is sent.',
      opt_in_image_url: 'https://example.com/opt-in.png',
    })
  )
  expect(registered).toMatchObject({ ok: true, campaign_status: 'pending', fee_cents: 2500 })
  expect(
    await client.registration.getRegistrationStatus({
      'X-Sub-Account-Id': registered.sub_account_id ?? '',
    })
  ).toMatchObject({ campaign_status: 'pending' })
  expect(
    await call('location.getLocation', () =>
      client.location.getLocation({ phone_number: '+14155550166' })
    )
  ).toEqual({
    phoneNumber: '+14155550166',
    latitude: null,
    longitude: null,
    status: 'unavailable',
    lastUpdated: 0,
  })
  expect(await call('location.refreshLocations', () => client.location.refreshLocations())).toEqual(
    { success: true, pollAfterSeconds: 20 }
  )

  // Webhooks: the account's, then one of an agent's own.
  const hookUrl = 'https://hooks.example.com/agentphone'
  expect(await call('webhooks.getWebhook', () => client.webhooks.getWebhook())).toBeNull()
  expect(
    await call('webhooks.createOrUpdateWebhook', () =>
      client.webhooks.createOrUpdateWebhook({ body: { url: hookUrl, contextLimit: 5 } })
    )
  ).toMatchObject({ url: hookUrl, secret: anyString, contextLimit: 5, createdAt: isoTime })
  expect(await call('webhooks.testWebhook', () => client.webhooks.testWebhook())).toMatchObject({
    success: true,
  })
  expect(
    await call('webhooks.listDeliveries', () => client.webhooks.listDeliveries())
  ).toMatchObject({ total: 1, items: [{ status: 'success', httpStatus: 200 }] })
  expect(
    await call('webhooks.deliveryStats', () => client.webhooks.deliveryStats({ hours: 24 }))
  ).toMatchObject({ total: 1, success: 1, failed: 0 })
  expect(await call('webhooks.allTimeStats', () => client.webhooks.allTimeStats())).toEqual({
    total: 1,
    success: 1,
    failed: 0,
    successRate: 1,
  })
  const ownHook = { agent_id: frontDesk.id }
  expect(
    await call('agentWebhooks.getAgentWebhook', () => client.agentWebhooks.getAgentWebhook(ownHook))
  ).toBeNull()
  expect(
    await call('agentWebhooks.createOrUpdateAgentWebhook', () =>
      client.agentWebhooks.createOrUpdateAgentWebhook({
        ...ownHook,
        body: { url: `${hookUrl}/desk` },
      })
    )
  ).toMatchObject({ url: `${hookUrl}/desk` })
  expect(
    await call('agentWebhooks.testAgentWebhook', () =>
      client.agentWebhooks.testAgentWebhook(ownHook)
    )
  ).toMatchObject({ success: true })
  expect(
    await call('agentWebhooks.listAgentDeliveries', () =>
      client.agentWebhooks.listAgentDeliveries(ownHook)
    )
  ).toMatchObject([{ status: 'success' }])
  expect(
    await call('agentWebhooks.deleteAgentWebhook', () =>
      client.agentWebhooks.deleteAgentWebhook(ownHook)
    )
  ).toMatchObject({ success: true })
  expect(await call('webhooks.deleteWebhook', () => client.webhooks.deleteWebhook())).toMatchObject(
    {
      success: true,
    }
  )

  // Deletions last: the sub-account (then its ID is refused) and the agent (its calls stay).
  expect(
    await call('subAccounts.deleteSubAccount', () =>
      client.subAccounts.deleteSubAccount({ sub_account_id: sub.id })
    )
  ).toEqual({ success: true, id: sub.id })
  const refused = await client.numbers
    .listNumbers({ 'X-Sub-Account-Id': sub.id })
    .catch((error: unknown) => error)
  expect(refused).toBeInstanceOf(AgentPhoneError)
  expect(refused).toMatchObject({
    statusCode: 404,
    body: { detail: `Sub-account ${sub.id} not found` },
  })
  expect(
    await call('agents.detachNumberFromAgent', () =>
      client.agents.detachNumberFromAgent({ agent_id: created.id, number_id: spare.id })
    )
  ).toMatchObject({ success: true })
  expect(
    await call('agents.deleteAgent', () => client.agents.deleteAgent({ agent_id: created.id }))
  ).toEqual({ success: true, id: created.id, name: 'Sales line' })
  expect(await client.calls.listCallsForNumber({ number_id: spare.id })).toMatchObject({
    data: [{ id: placed.id, agentId: null }],
  })
  expect(
    await call('numbers.deleteNumber', () => client.numbers.deleteNumber({ number_id: spare.id }))
  ).toMatchObject({ success: true, id: spare.id, status: 'released' })
}

describe('the official SDK against the sandbox', () => {
  it('calls every SDK method, and each one works', () => {
    const all = sdkMethods(client)
    const inScope = all.filter((method) => !EXCLUDED_RESOURCES.includes(method.split('.')[0] ?? ''))
    const failed = inScope.filter((method) => !outcomes.get(method) || outcomes.get(method)?.error)
    expect(failed).toEqual([])
    expect([...outcomes.keys()].sort()).toEqual([...inScope].sort())
    const working = inScope.length
    console.log(`SDK methods working against the sandbox: ${working}/${all.length}`)
    expect(working).toBeGreaterThanOrEqual(60)
  })

  it('answers every request with the spec’s schema for its operation and status', () => {
    const failures = exchanges.flatMap((exchange) =>
      schemaProblems(exchange).map(
        (problem) => `${exchange.method} ${exchange.pathname} ${exchange.status}: ${problem}`
      )
    )
    console.log(`schema checks: ${exchanges.length} answers, ${failures.length} failures`)
    expect(failures).toEqual([])
  })

  it('finds the shapes the sandbox used to answer wrong (so the check above can fail)', () => {
    const exchange = (method: string, pathname: string, body: unknown): Exchange => ({
      method,
      pathname,
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify(body),
    })
    const agent = {
      id: 'agt_1',
      name: 'A',
      voiceMode: 'hosted',
      voice: 'alloy',
      createdAt: iso(T0),
    }
    expect(schemaProblems(exchange('GET', '/v1/agents/agt_1', agent))).toEqual([
      "/ must have required property 'description'",
    ])
    const summary = {
      id: 'conv_1',
      phoneNumberId: 'num_1',
      phoneNumber: '+14155550100',
      participant: '+14155550101',
      lastMessageAt: iso(T0),
      lastMessagePreview: 'Hi',
      messageCount: 1,
      createdAt: iso(T0),
      participants: ['+14155550101'],
    }
    expect(
      schemaProblems(
        exchange('GET', '/v1/conversations', { data: [summary], hasMore: false, total: 1 })
      )
    ).toEqual(['/data/0/participants/0 must be object'])
    const message = {
      id: 'msg_1',
      body: 'Hi',
      fromNumber: '+14155550101',
      toNumber: '+14155550100',
      direction: 'inbound',
      receivedAt: iso(T0),
      reactions: [{ id: 'rxn_1', reactionType: 'love', createdAt: iso(T0) }],
    }
    expect(
      schemaProblems(
        exchange('GET', '/v1/conversations/conv_1/messages', { data: [message], hasMore: false })
      )
    ).toEqual([
      "/data/0/reactions/0 must have required property 'fromNumber'",
      "/data/0/reactions/0 must have required property 'direction'",
    ])
    expect(schemaProblems({ ...exchange('POST', '/v1/contacts', {}), status: 200 })).toEqual([
      'create-contact-v-1-contacts-post answered 200, not a declared status',
    ])
  })

  it('exercises every operation of the spec', () => {
    const seen = new Set(
      exchanges.map((exchange) => {
        const op = specOperations.find(
          (candidate) =>
            candidate.method === exchange.method && candidate.pattern.test(exchange.pathname)
        )
        return op?.operation.operationId
      })
    )
    const missing = specOperations
      .filter(
        (op) => !op.operation.tags?.some((tag) => tag === 'webhooks' || tag === 'agent-webhooks')
      )
      .map((op) => op.operation.operationId)
      .filter((id) => !seen.has(id))
    expect(missing).toEqual([])
  })
})

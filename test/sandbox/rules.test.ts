/** The API's rules as the sandbox enforces them, checked on the wire. */
import { describe, expect, it } from 'vitest'
import { startSandbox } from '../../sandbox/index.js'
import { DEFAULT_AREA_CODES } from '../../sandbox/phone.js'
import { newKey, setup, T0 } from './harness.js'

const detail = (answer: { body: unknown }) => (answer.body as { detail: unknown }).detail

describe('authentication and accounts', () => {
  it('accepts any sk_sandbox_ key as its own account and refuses others with 401', async () => {
    const { api } = await setup()
    for (const key of ['sk_live_abc', 'sk_sandbox_', 'nonsense']) {
      const answer = await api('GET', '/v1/numbers', undefined, key)
      expect(answer).toMatchObject({ status: 401, body: { detail: 'Invalid API key' } })
    }
    const { sandbox } = await setup()
    const missing = await sandbox.fetch(`${sandbox.url}/v1/numbers`)
    expect(missing.status).toBe(401)
    expect(await missing.json()).toEqual({ detail: 'Not authenticated' })
  })

  it('gives the same key the same seed, and different keys different ones', async () => {
    const key = newKey()
    const read = async () => {
      const sandbox = await startSandbox({ now: () => T0 })
      try {
        return await Promise.all(
          ['/v1/agents', '/v1/numbers', '/v1/conversations', '/v1/calls', '/v1/contacts'].map(
            async (path) => {
              const response = await sandbox.fetch(`${sandbox.url}${path}`, {
                headers: { Authorization: `Bearer ${key}` },
              })
              return response.text()
            }
          )
        )
      } finally {
        await sandbox.close()
      }
    }
    expect(await read()).toEqual(await read())
    const other = await setup()
    const mine = await setup()
    expect((await other.run('list_numbers')).output).not.toEqual(
      (await mine.run('list_numbers')).output
    )
  })

  it('keeps accounts apart', async () => {
    const h = await setup()
    await h.run('create_contact', { phoneNumber: '+14155550199', name: 'Only Mine' })
    const stranger = h.runWith(newKey())
    expect((await stranger('list_contacts', { search: 'Only Mine' })).output.total).toBe(0)
    expect((await h.run('list_contacts', { search: 'Only Mine' })).output.total).toBe(1)
  })

  it('lists agents, one hosted, each with its number', async () => {
    const { api, seed } = await setup()
    const answer = await api('GET', '/v1/agents')
    expect(answer.body).toMatchObject({
      total: 2,
      hasMore: false,
      data: [
        {
          id: seed.agents[0]?.id,
          voiceMode: 'hosted',
          numbers: [{ id: seed.numbers[0]?.id, status: 'active' }],
        },
        { id: seed.agents[1]?.id, voiceMode: 'webhook', numbers: [{ id: seed.numbers[1]?.id }] },
      ],
    })
  })

  it('reads a percent-encoded ID as one path segment', async () => {
    const { run } = await setup()
    for (const callId of ['a/b', 'x?y=1', 'call_ü']) {
      const result = await run('get_call', { callId })
      expect(result.error, callId).toBe('AgentPhone API error (HTTP 404 Not Found): Call not found')
    }
  })

  it('answers unknown paths with FastAPI’s 404, whatever the method', async () => {
    const { api } = await setup()
    for (const method of ['GET', 'POST', 'PUT']) {
      expect(await api(method, '/v1/teleport')).toMatchObject({
        status: 404,
        body: { detail: 'Not Found' },
      })
    }
  })

  it('answers a known path asked with another method with FastAPI’s 405 and Allow', async () => {
    const { api, requests, seed } = await setup()
    const contactId = seed.contacts[0]?.id
    const messageId = seed.messages[0]?.id
    const cases: [method: string, path: string, allow: string][] = [
      ['PUT', '/v1/usage', 'GET'],
      ['DELETE', '/v1/calls', 'POST, GET'],
      ['POST', `/v1/contacts/${contactId}`, 'GET, PATCH, DELETE'],
      ['GET', '/v1/messages', 'POST'],
      ['DELETE', `/v1/messages/${messageId}/reactions`, 'POST'],
      ['OPTIONS', '/v1/numbers', 'POST, GET'],
      ['PUT', '/sandbox/faults', 'POST, GET, DELETE'],
      ['POST', '/sandbox/requests', 'GET, DELETE'],
      ['GET', '/sandbox/inbound', 'POST'],
    ]
    for (const [method, path, allow] of cases) {
      const answer = await api(method, path)
      expect(
        { status: answer.status, allow: answer.headers.get('allow'), body: answer.body },
        `${method} ${path}`
      ).toEqual({ status: 405, allow, body: { detail: 'Method Not Allowed' } })
    }
    // Refused before any handler ran: nothing was deleted, and the log shows the 405s.
    expect((await api('GET', `/v1/contacts/${contactId}`)).status).toBe(200)
    expect((await requests()).slice(0, 6).map(({ method, status }) => [method, status])).toEqual([
      ['PUT', 405],
      ['DELETE', 405],
      ['POST', 405],
      ['GET', 405],
      ['DELETE', 405],
      ['OPTIONS', 405],
    ])
  })

  it('still answers each method of a shared path with its own endpoint', async () => {
    const { api, seed } = await setup()
    const contactId = seed.contacts[0]?.id
    expect((await api('GET', `/v1/contacts/${contactId}`)).status).toBe(200)
    expect((await api('PATCH', `/v1/contacts/${contactId}`, { notes: 'x' })).status).toBe(200)
    expect((await api('DELETE', `/v1/contacts/${contactId}`)).status).toBe(204)
    expect((await api('GET', `/v1/contacts/${contactId}`)).status).toBe(404)
  })
})

describe('validation (422)', () => {
  it('answers missing body fields with FastAPI’s detail list', async () => {
    const { api, seed } = await setup()
    const answer = await api('POST', '/v1/messages', { agent_id: seed.agents[0]?.id })
    expect(answer).toMatchObject({
      status: 422,
      body: { detail: [{ loc: ['body', 'body'], msg: 'Field required', type: 'missing' }] },
    })
    // The spec requires only `body`: a missing recipient is the handler's 400, not a 422.
    const noRecipient = await api('POST', '/v1/messages', {
      agent_id: seed.agents[0]?.id,
      body: 'Hi',
    })
    expect(noRecipient).toMatchObject({
      status: 400,
      body: { detail: 'Provide to_number (or recipients for a new group)' },
    })
  })

  it('refuses limits outside the API’s ranges', async () => {
    const { api, seed } = await setup()
    const conversationId = seed.conversations[0]?.id
    const numberId = seed.numbers[0]?.id
    const cases: [string, string][] = [
      ['/v1/numbers?limit=101', 'limit'],
      ['/v1/calls?limit=0', 'limit'],
      ['/v1/conversations?offset=-1', 'offset'],
      ['/v1/contacts?limit=abc', 'limit'],
      [`/v1/conversations/${conversationId}?message_limit=101`, 'message_limit'],
      [`/v1/conversations/${conversationId}/messages?limit=201`, 'limit'],
      [`/v1/numbers/${numberId}/messages?before=yesterday`, 'before'],
      ['/v1/usage/daily?days=366', 'days'],
      ['/v1/usage/monthly?months=0', 'months'],
      ['/v1/usage/by-agent?period=decade', 'period'],
      ['/v1/calls/x?timeout=-1', 'timeout'],
    ]
    for (const [path, field] of cases) {
      const answer = await api('GET', path)
      expect(answer.status, path).toBe(422)
      expect(detail(answer), path).toMatchObject([{ loc: ['query', field] }])
    }
    expect(detail(await api('GET', '/v1/calls?limit=101'))).toEqual([
      {
        loc: ['query', 'limit'],
        msg: 'Input should be less than or equal to 100',
        type: 'less_than_equal',
      },
    ])
  })

  it('refuses a body that is not JSON', async () => {
    const { api } = await setup()
    expect(await api('POST', '/v1/contacts', '{"name": ')).toMatchObject({
      status: 422,
      body: { detail: [{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }] },
    })
  })
})

describe('numbers', () => {
  it('provisions US and CA numbers only, honouring a 3-digit area code', async () => {
    const { api } = await setup()
    const gb = await api('POST', '/v1/numbers', { country: 'GB' })
    expect(gb.status).toBe(422)
    expect(detail(gb)).toEqual([
      {
        loc: ['body', 'country'],
        msg: "Input should be 'US' or 'CA': numbers are available in the US and Canada only",
        type: 'enum',
      },
    ])
    const miami = await api('POST', '/v1/numbers', { areaCode: '305' })
    expect(miami.body).toMatchObject({
      country: 'US',
      phoneNumber: expect.stringMatching(/^\+1305/),
    })
    // Not a valid area code: best effort means a default one, not an error.
    const ignored = await api('POST', '/v1/numbers', { country: 'ca', areaCode: '1234' })
    const area = (ignored.body as { phoneNumber: string }).phoneNumber.slice(2, 5)
    expect(ignored.body).toMatchObject({ country: 'CA', agentId: null })
    expect(DEFAULT_AREA_CODES.CA).toContain(area)
  })

  it('enforces the plan’s number limit, and says so', async () => {
    const { api } = await setup()
    for (let i = 0; i < 3; i++) expect((await api('POST', '/v1/numbers', {})).status).toBe(200)
    const refused = await api('POST', '/v1/numbers', {})
    expect(refused).toEqual({
      status: 403,
      headers: expect.anything(),
      body: {
        detail:
          'Phone number limit reached: the Sandbox plan allows 5 active numbers. Release a number before provisioning another.',
      },
    })
    const numbers = (await api('GET', '/v1/numbers')).body as { data: { id: string }[] }
    await api('DELETE', `/v1/numbers/${numbers.data[0]?.id}`)
    expect((await api('POST', '/v1/numbers', {})).status).toBe(200)
  })

  it('keeps a released number readable by ID, refuses releasing it twice and sending from it', async () => {
    const { api, run, seed } = await setup()
    const number = seed.numbers[0]
    expect((await api('DELETE', `/v1/numbers/${number?.id}`)).body).toEqual({
      success: true,
      id: number?.id,
      phoneNumber: number?.phoneNumber,
      status: 'released',
    })
    expect((await api('GET', `/v1/numbers/${number?.id}`)).body).toMatchObject({
      status: 'released',
      agentId: null,
    })
    const again = await run('release_number', { numberId: number?.id })
    expect(again.error).toBe(
      `AgentPhone API error (HTTP 400 Bad Request): Phone number ${number?.id} has already been released`
    )
    // Its messages are kept.
    expect((await run('get_number_messages', { numberId: number?.id })).output.data).toHaveLength(8)
    const orphan = await run('send_message', {
      agentId: seed.agents[0]?.id,
      toNumber: '+14155550101',
      body: 'Hi',
    })
    expect(orphan.error).toBe(
      `AgentPhone API error (HTTP 400 Bad Request): Agent ${seed.agents[0]?.id} has no phone number: provision one with POST /v1/numbers and agentId first`
    )
    expect((await api('GET', '/v1/numbers/num_missing')).body).toEqual({
      detail: 'Phone number not found',
    })
  })
})

describe('messages', () => {
  it('needs an existing agent, and a number_id that belongs to it', async () => {
    const { run, seed } = await setup()
    const [frontDesk, followUps] = seed.agents
    const unknown = await run('send_message', {
      agentId: 'agt_nope',
      toNumber: '+14155550101',
      body: 'Hi',
    })
    expect(unknown.error).toBe('AgentPhone API error (HTTP 404 Not Found): Agent not found')
    const foreign = await run('send_message', {
      agentId: frontDesk?.id,
      numberId: seed.numbers[1]?.id,
      toNumber: '+14155550101',
      body: 'Hi',
    })
    expect(foreign.error).toBe(
      `AgentPhone API error (HTTP 400 Bad Request): Phone number ${seed.numbers[1]?.id} does not belong to agent ${frontDesk?.id}`
    )
    const own = await run('send_message', {
      agentId: followUps?.id,
      numberId: seed.numbers[1]?.id,
      toNumber: '+14155550101',
      body: 'Hi',
    })
    expect(own.output.fromNumber).toBe(seed.numbers[1]?.phoneNumber)
  })

  it('extends an existing conversation instead of starting another', async () => {
    const { run, seed } = await setup()
    const thread = seed.conversations.find((c) => c.phoneNumberId === seed.numbers[0]?.id)
    await run('send_message', {
      agentId: seed.agents[0]?.id,
      toNumber: thread?.participant,
      body: 'More',
    })
    const list = await run('list_conversations')
    expect(list.output.total).toBe(2)
    expect((list.output.data as unknown[])[0]).toMatchObject({
      id: thread?.id,
      messageCount: 9,
      lastMessagePreview: 'More',
    })
  })

  it('sends media_urls and the deprecated media_url alike, as MMS to non-iMessage numbers', async () => {
    const { api, seed } = await setup()
    const base = { agent_id: seed.agents[0]?.id, to_number: '+14155550101', body: 'Look' }
    const list = await api('POST', '/v1/messages', {
      ...base,
      media_urls: ['https://example.com/a.png'],
    })
    const single = await api('POST', '/v1/messages', {
      ...base,
      media_url: 'https://example.com/b.png',
    })
    expect(list.body).toMatchObject({ channel: 'mms', media_urls: ['https://example.com/a.png'] })
    expect(single.body).toMatchObject({ channel: 'mms', media_urls: ['https://example.com/b.png'] })
    const bad = await api('POST', '/v1/messages', { ...base, media_urls: ['ftp://example.com/c'] })
    expect(detail(bad)).toMatchObject([{ loc: ['body', 'media_urls', 0] }])
  })

  it('simulates inbound messages from anyone to a number, by the iMessage rule', async () => {
    const { api, run, seed } = await setup()
    const numberId = seed.numbers[1]?.id
    const odd = await api('POST', '/sandbox/inbound', {
      numberId,
      from: '+1 (415) 555-0133',
      body: 'Hello?',
    })
    expect(odd).toMatchObject({
      status: 201,
      body: {
        direction: 'inbound',
        channel: 'sms',
        fromNumber: '+14155550133',
        senderIdentifier: '+14155550133',
      },
    })
    const even = await api('POST', '/sandbox/inbound', {
      numberId,
      from: '+14155550134',
      body: 'Hi',
      mediaUrls: ['https://example.com/p.jpg'],
    })
    expect(even.body).toMatchObject({ channel: 'imessage', mediaUrl: 'https://example.com/p.jpg' })
    const list = (await run('list_conversations')).output
    expect(list.total).toBe(4)
    expect((list.data as { participant: string }[]).slice(0, 2).map((c) => c.participant)).toEqual([
      '+14155550134',
      '+14155550133',
    ])
  })

  it('allows reactions on iMessage messages only, classic tapbacks only', async () => {
    const { api, run, seed } = await setup()
    const smsMessage = seed.messages.find((m) => m.channel === 'sms')
    const refused = await run('react_to_message', { messageId: smsMessage?.id, reaction: 'love' })
    expect(refused.error).toBe(
      `AgentPhone API error (HTTP 400 Bad Request): Reactions are only supported on iMessage messages; message ${smsMessage?.id} was sent as sms`
    )
    const imessage = seed.messages.find((m) => m.channel === 'imessage')
    const thumbs = await api('POST', `/v1/messages/${imessage?.id}/reactions`, {
      reaction: 'thumbsup',
    })
    expect(thumbs).toMatchObject({
      status: 400,
      body: {
        detail:
          "Unknown reaction 'thumbsup': use a classic tapback (love, like, dislike, laugh, emphasize, question) or a custom emoji",
      },
    })
    // The spec allows custom emoji, and says a line without them answers 400 with an explanation.
    const fire = await api('POST', `/v1/messages/${imessage?.id}/reactions`, { reaction: '🔥' })
    expect(fire.status).toBe(400)
    expect((fire.body as { detail: string }).detail).toMatch(
      /^Custom emoji reactions are not supported on this line\. Upgrade/
    )
    const missing = await run('react_to_message', { messageId: 'msg_nope', reaction: 'like' })
    expect(missing.error).toBe('AgentPhone API error (HTTP 404 Not Found): Message not found')
  })
})

describe('conversations', () => {
  it('replaces metadata on PATCH, leaves it when absent, clears it with null', async () => {
    const { api, run, seed } = await setup()
    const conversationId = seed.conversations[0]?.id
    const patch = (metadata: unknown) => run('update_conversation', { conversationId, metadata })
    expect((await patch({ b: 2 })).output.metadata).toEqual({ b: 2 })
    // The tool refuses a PATCH that changes nothing, so the API's own rule is checked directly.
    const untouched = await api('PATCH', `/v1/conversations/${conversationId}`, {})
    expect(untouched).toMatchObject({ status: 200, body: { metadata: { b: 2 } } })
    expect((await patch(null)).output.metadata).toBeNull()
    expect((await run('get_conversation', { conversationId })).output.metadata).toBeNull()
  })

  it('pages conversations with limit/offset', async () => {
    const { run } = await setup()
    expect((await run('list_conversations', { limit: 1, offset: 1 })).output).toMatchObject({
      total: 2,
      hasMore: false,
    })
  })
})

describe('contacts', () => {
  it('normalizes phone numbers to E.164, so notations cannot make duplicates', async () => {
    const { api } = await setup()
    const created = await api('POST', '/v1/contacts', {
      phoneNumber: '(415) 555-0199',
      name: 'Ada',
    })
    expect(created).toMatchObject({
      status: 201,
      body: { phoneNumber: '+14155550199', email: null },
    })
    const duplicate = await api('POST', '/v1/contacts', {
      phoneNumber: '+1 415 555 0199',
      name: 'Ada again',
    })
    expect(duplicate.status).toBe(409)
  })

  it('changes only the fields sent, clears email with null, refuses a taken number', async () => {
    const { api, seed } = await setup()
    const [first, second] = seed.contacts
    const cleared = await api('PATCH', `/v1/contacts/${first?.id}`, { email: null })
    expect(cleared.body).toMatchObject({
      name: first?.name,
      phoneNumber: first?.phoneNumber,
      email: null,
      notes: first?.notes,
    })
    const taken = await api('PATCH', `/v1/contacts/${first?.id}`, {
      phoneNumber: second?.phoneNumber,
    })
    expect(taken.status).toBe(409)
    const same = await api('PATCH', `/v1/contacts/${first?.id}`, {
      phoneNumber: first?.phoneNumber,
    })
    expect(same.status).toBe(200)
    const deleted = await api('DELETE', `/v1/contacts/${first?.id}`)
    expect(deleted).toMatchObject({ status: 204, body: undefined })
    expect((await api('DELETE', `/v1/contacts/${first?.id}`)).status).toBe(404)
  })
})

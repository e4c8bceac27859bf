/** The rules behind the operations beyond the 22: what they refuse, and how data stays apart. */
import { describe, expect, it } from 'vitest'
import { iso } from '../../sandbox/model.js'
import { setup, T0 } from './harness.js'

type Body = Record<string, unknown>

describe('sub-accounts', () => {
  it('scope every request through X-Sub-Account-Id, and refuse an unknown one', async () => {
    const h = await setup()
    const as = (subAccountId: string) => async (method: string, path: string, body?: unknown) => {
      const response = await h.sandbox.fetch(`${h.sandbox.url}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${h.key}`,
          'Content-Type': 'application/json',
          'X-Sub-Account-Id': subAccountId,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      return { status: response.status, body: (await response.json()) as Body }
    }
    const created = await h.api('POST', '/v1/sub-accounts', { name: 'Branch' })
    const subId = (created.body as { id: string }).id
    const sub = as(subId)
    const agent = await sub('POST', '/v1/agents', { name: 'Branch desk', voiceMode: 'hosted' })
    expect(agent.status).toBe(200)
    const number = await sub('POST', '/v1/numbers', { agentId: agent.body.id })
    expect(number.body).toMatchObject({ agentId: agent.body.id })
    const sent = await sub('POST', '/v1/messages', {
      agent_id: agent.body.id,
      to_number: '+14155550110',
      body: 'From the branch',
    })
    expect(sent.body).toMatchObject({ from_number: number.body.phoneNumber })

    expect((await sub('GET', '/v1/agents')).body).toMatchObject({ total: 1 })
    expect((await sub('GET', '/v1/conversations')).body).toMatchObject({ total: 1 })
    expect((await sub('GET', '/v1/contacts')).body).toMatchObject({ total: 0 })
    expect((await sub('GET', '/v1/usage')).body).toMatchObject({
      numbers: { used: 1 },
      stats: { totalMessages: 1 },
    })
    // The key's own account sees none of it, nor the other way round.
    expect((await h.api('GET', '/v1/agents')).body).toMatchObject({ total: 2 })
    expect((await h.api('GET', `/v1/agents/${agent.body.id}`)).status).toBe(404)
    expect((await sub('GET', `/v1/agents/${h.seed.agents[0]?.id}`)).status).toBe(404)
    // Managing sub-accounts ignores the header: always the key's own list.
    expect((await sub('GET', '/v1/sub-accounts')).body).toMatchObject({ total: 1 })

    const unknown = await as('sub_nope')('GET', '/v1/numbers')
    expect(unknown).toEqual({ status: 404, body: { detail: 'Sub-account sub_nope not found' } })
    await h.api('DELETE', `/v1/sub-accounts/${subId}`)
    expect((await sub('GET', '/v1/numbers')).status).toBe(404)
    expect((await h.api('DELETE', `/v1/sub-accounts/${subId}`)).status).toBe(404)
  })
})

describe('agents', () => {
  it('keep what a PATCH does not send, clear nullable settings with null, and refuse bad ones', async () => {
    const { api } = await setup()
    const created = await api('POST', '/v1/agents', {
      name: 'Night line',
      description: 'After hours',
      transferNumber: '+14155550100',
    })
    expect(created.body).toMatchObject({ voiceMode: 'webhook', voice: 'alloy', language: 'en-US' })
    const id = (created.body as { id: string }).id
    const patched = await api('PATCH', `/v1/agents/${id}`, {
      transferNumber: null,
      voiceSpeed: null,
      sttMode: 'accurate',
    })
    expect(patched.body).toMatchObject({
      name: 'Night line',
      description: 'After hours',
      transferNumber: null,
      voiceSpeed: 1,
      sttMode: 'accurate',
    })
    const slow = await api('PATCH', `/v1/agents/${id}`, { voiceSpeed: 3 })
    expect(slow.status).toBe(422)
    expect(slow.body).toMatchObject({
      detail: [{ loc: ['body', 'voiceSpeed'], msg: 'Input should be less than or equal to 2' }],
    })
    expect(await api('PATCH', `/v1/agents/${id}`, { voice: 'robot' })).toMatchObject({
      status: 400,
      body: { detail: "Unknown voice 'robot': list the voices with GET /v1/agents/voices" },
    })
    const klingon = await api('POST', '/v1/agents', { name: 'X', language: 'tlh-KL' })
    expect(klingon.body).toMatchObject({ detail: [{ loc: ['body', 'language'], type: 'enum' }] })
  })

  it('deleting one keeps its numbers, conversations and calls, without an agent', async () => {
    const { api, seed } = await setup()
    const [agent] = seed.agents
    const [number] = seed.numbers
    await api('DELETE', `/v1/agents/${agent?.id}`)
    expect((await api('GET', `/v1/numbers/${number?.id}`)).body).toMatchObject({ agentId: null })
    const conversation = seed.conversations.find((c) => c.agentId === agent?.id)
    expect((await api('GET', `/v1/conversations/${conversation?.id}`)).body).toMatchObject({
      agentId: null,
    })
    expect((await api('GET', `/v1/calls/${seed.calls[0]?.id}`)).body).toMatchObject({
      agentId: null,
    })
    const byAgent = await api('GET', '/v1/usage/by-agent?period=year')
    expect((byAgent.body as { data: Body[] }).data.at(-1)).toMatchObject({
      agentId: null,
      agentName: 'Unassigned',
      isOrphan: true,
    })
  })

  it('attach only active numbers, and detach only their own', async () => {
    const { api, seed } = await setup()
    const [frontDesk, followUps] = seed.agents
    const [usNumber] = seed.numbers
    const detach = await api('DELETE', `/v1/agents/${followUps?.id}/numbers/${usNumber?.id}`)
    expect(detach).toMatchObject({
      status: 400,
      body: { detail: `Phone number ${usNumber?.id} is not attached to agent ${followUps?.id}` },
    })
    await api('DELETE', `/v1/numbers/${usNumber?.id}`)
    const attach = await api('POST', `/v1/agents/${frontDesk?.id}/numbers`, {
      numberId: usNumber?.id,
    })
    expect(attach.status).toBe(400)
  })
})

describe('messages, by the spec', () => {
  it('sends with only number_id or only from_number, and needs some line', async () => {
    const { api, seed } = await setup()
    const [, caNumber] = seed.numbers
    const byFrom = await api('POST', '/v1/messages', {
      from_number: caNumber?.phoneNumber,
      to_number: '(415) 555-0131',
      body: 'Hi',
    })
    expect(byFrom.body).toMatchObject({
      from_number: caNumber?.phoneNumber,
      to_number: '+14155550131',
    })
    const noLine = await api('POST', '/v1/messages', { to_number: '+14155550131', body: 'Hi' })
    expect(noLine).toEqual({
      status: 400,
      headers: expect.anything(),
      body: { detail: 'Say which line sends the message: agent_id, number_id or from_number' },
    })
    const unknownLine = await api('POST', '/v1/messages', {
      from_number: '+14155550999',
      to_number: '+14155550131',
      body: 'Hi',
    })
    expect(unknownLine.status).toBe(404)
  })

  it('starts an iMessage group with recipients, then sends to it by its group ID', async () => {
    const { api, seed } = await setup()
    const numberId = seed.numbers[0]?.id
    const started = await api('POST', '/v1/messages', {
      number_id: numberId,
      recipients: ['+14155550132', 'ada@example.com'],
      body: 'Welcome, both of you',
      send_style: 'confetti',
    })
    const groupId = (started.body as { to_number: string }).to_number
    expect(groupId).toMatch(/^grp_/)
    expect(started.body).toMatchObject({ channel: 'imessage' })
    const followUp = await api('POST', '/v1/messages', {
      number_id: numberId,
      to_number: groupId,
      body: 'One more thing',
    })
    expect(followUp.body).toMatchObject({ to_number: groupId, channel: 'imessage' })
    const conversation = await api(
      'GET',
      `/v1/conversations/${(followUp.body as { conversation_id: string }).conversation_id}`
    )
    expect(conversation.body).toMatchObject({
      isGroup: true,
      groupId,
      messageCount: 2,
      participants: [
        { identifier: '+14155550132', name: null },
        { identifier: 'ada@example.com', name: null },
      ],
    })
    const odd = await api('POST', '/v1/messages', {
      number_id: numberId,
      recipients: ['+14155550132', '+14155550133'],
      body: 'Hi',
    })
    expect(odd.body).toEqual({ detail: 'Groups are iMessage only; not on iMessage: +14155550133' })
    const both = await api('POST', '/v1/messages', {
      number_id: numberId,
      to_number: '+14155550132',
      recipients: ['+14155550132', '+14155550134'],
      body: 'Hi',
    })
    expect(both.body).toEqual({ detail: 'Provide to_number or recipients, not both' })
  })

  it('threads a reply, sends carousels and effects on iMessage only', async () => {
    const { api, seed } = await setup()
    const [usNumber] = seed.numbers
    const parent = seed.messages.find((m) => m.phoneNumberId === usNumber?.id)
    const reply = await api('POST', '/v1/messages', {
      number_id: usNumber?.id,
      to_number: parent?.direction === 'inbound' ? parent.fromNumber : parent?.toNumber,
      body: 'Replying inline',
      reply_to_message_id: parent?.id,
    })
    expect(reply.body).toMatchObject({
      reply_to_message_id: parent?.id,
      reply_parent_unresolved: false,
    })
    const page = await api('GET', `/v1/conversations/${parent?.conversationId}/messages?limit=1`)
    expect((page.body as { data: Body[] }).data[0]).toMatchObject({
      replyTo: { messageId: parent?.id, message: parent?.body, mediaUrls: parent?.mediaUrls },
    })
    const photos = ['https://example.com/a.jpg', 'https://example.com/b.jpg']
    const carousel = await api('POST', '/v1/messages', {
      number_id: usNumber?.id,
      to_number: '+14155550136',
      body: '',
      media_urls: photos,
    })
    expect(carousel.body).toMatchObject({ channel: 'imessage', media_urls: photos })
    const smsCarousel = await api('POST', '/v1/messages', {
      number_id: usNumber?.id,
      to_number: '+14155550137',
      body: '',
      media_urls: photos,
    })
    expect(smsCarousel.body).toEqual({ detail: 'Carousels (2-20 media_urls) are iMessage only' })
    const smsEffect = await api('POST', '/v1/messages', {
      number_id: usNumber?.id,
      to_number: '+14155550137',
      body: 'Boom',
      send_style: 'slam',
    })
    expect(smsEffect.body).toEqual({
      detail: 'send_style is iMessage only; this message goes as sms',
    })
    const empty = await api('POST', '/v1/messages', {
      number_id: usNumber?.id,
      to_number: '+14155550137',
      body: ' ',
    })
    expect(empty.status).toBe(422)
  })
})

describe('calls, by the spec', () => {
  it('lists by any status the API has, including queued, ringing, no-answer and busy', async () => {
    const { api, seed } = await setup()
    await api('POST', '/v1/calls', { agentId: seed.agents[0]?.id, toNumber: '+14155550140' })
    for (const [status, total] of [
      ['queued', 1],
      ['ringing', 0],
      ['no-answer', 0],
      ['busy', 0],
      ['failed', 1],
    ] as const) {
      const answer = await api('GET', `/v1/calls?status=${status}`)
      expect(answer.status, status).toBe(200)
      expect(answer.body, status).toMatchObject({ total })
    }
  })

  it('ends a call: canceled before it is answered, refused once over', async () => {
    const { api, seed, clock } = await setup()
    const placed = await api('POST', '/v1/calls', {
      agentId: seed.agents[0]?.id,
      toNumber: '+14155550141',
    })
    const id = (placed.body as { id: string }).id
    clock.now += 1_000
    expect((await api('POST', `/v1/calls/${id}/end`)).body).toMatchObject({
      status: 'canceled',
      endedAt: iso(T0 + 1_000),
      durationSeconds: 0,
      recordingUrl: null,
    })
    expect(await api('POST', `/v1/calls/${id}/end`)).toMatchObject({
      status: 400,
      body: { detail: `Call ${id} has already ended` },
    })
    expect((await api('GET', `/v1/calls?status=canceled`)).body).toMatchObject({ total: 1 })
  })

  it('fills {{variables}} only for a prompt, and serves recordings without a key', async () => {
    const { api, seed, sandbox, clock } = await setup()
    const [, webhookAgent] = seed.agents
    const refused = await api('POST', '/v1/calls', {
      agentId: webhookAgent?.id,
      toNumber: '+14155550142',
      variables: { name: 'Ada' },
    })
    expect(refused.status).toBe(400)
    const placed = await api('POST', '/v1/calls', {
      agentId: webhookAgent?.id,
      toNumber: '+14155550142',
      systemPrompt: 'You are calling {{name}} about the {{thing}}.',
      variables: { name: 'Ada', thing: null },
    })
    const id = (placed.body as { id: string }).id
    const early = await sandbox.fetch(`${sandbox.url}/v1/calls/${id}/recording`)
    expect(early.status).toBe(404)
    clock.now += 60_000
    const transcript = await api('GET', `/v1/calls/${id}/transcript`)
    expect(JSON.stringify(transcript.body)).toContain("I'm calling Ada about the {{thing}}.")
    const recording = await sandbox.fetch(`${sandbox.url}/v1/calls/${id}/recording`)
    expect(recording.status).toBe(200)
    expect(recording.headers.get('Content-Disposition')).toBe(
      `attachment; filename="recording-${id}.wav"`
    )
    const wav = new Uint8Array(await recording.arrayBuffer())
    expect(new TextDecoder().decode(wav.slice(0, 4))).toBe('RIFF')
    expect(new TextDecoder().decode(wav.slice(8, 12))).toBe('WAVE')
  })

  it('streams the transcript as it is spoken, then ends the stream', async () => {
    const { sandbox, api, seed, clock, key } = await setup()
    const placed = await api('POST', '/v1/calls', {
      agentId: seed.agents[0]?.id,
      toNumber: '+14155550143',
    })
    const id = (placed.body as { id: string }).id
    clock.now += 2_500 // answered: the first turn is spoken
    const response = await sandbox.fetch(`${sandbox.url}/v1/calls/${id}/transcript/stream`, {
      headers: { Authorization: `Bearer ${key}` },
    })
    expect(response.headers.get('Content-Type')).toBe('text/event-stream; charset=utf-8')
    const reader = response.body?.getReader()
    const decoder = new TextDecoder()
    let text = ''
    const turns = () => text.match(/event: transcript/g)?.length ?? 0
    const readUntil = async (done: () => boolean) => {
      while (!done()) {
        const chunk = await reader?.read()
        if (!chunk || chunk.done) break
        text += decoder.decode(chunk.value)
      }
    }
    await readUntil(() => turns() >= 2) // the first turn: the callee's words, the agent's answer
    expect(text).not.toContain('event: ended')
    clock.now += 60_000
    await readUntil(() => text.includes('event: ended'))
    expect(turns()).toBe(6)
    expect(text).toContain(`event: ended\ndata: {"callId":"${id}","status":"completed"}`)
    expect((await reader?.read())?.done).toBe(true)
  })
})

describe('conversations, contacts and usage, by the spec', () => {
  it('keeps typing indicators and backgrounds to iMessage conversations', async () => {
    const { api, seed } = await setup()
    const sms = seed.conversations.find((c) => c.phoneNumberId === seed.numbers[1]?.id)
    const typing = await api('POST', `/v1/conversations/${sms?.id}/typing`)
    expect(typing).toMatchObject({
      status: 400,
      body: {
        detail: `Typing indicators are only supported on iMessage conversations; ${sms?.id} is sms`,
      },
    })
    const imessage = seed.conversations.find((c) => c.phoneNumberId === seed.numbers[0]?.id)
    const path = `/v1/conversations/${imessage?.id}/background`
    const set = await api('POST', path, { image_url: 'https://example.com/bg.png' })
    expect(set.body).toMatchObject({ changed: true, backgroundVersion: 1 })
    const again = await api('POST', path, { image_url: 'https://example.com/bg.png' })
    expect(again.body).toMatchObject({ changed: false, backgroundVersion: 1 })
    expect((await api('POST', path, { image_url: 'http://example.com/bg.png' })).status).toBe(422)
    expect((await api('DELETE', path)).status).toBe(204)
    expect((await api('DELETE', path)).status).toBe(204)
  })

  it('checks capabilities by the iMessage rule, with an active number on the account', async () => {
    const { api, seed } = await setup()
    const odd = await api('GET', '/v1/contacts/capabilities?phone_number=%2B14155550133')
    expect(odd.body).toMatchObject({ capabilities: { imessage: false, sms: true } })
    expect((await api('GET', '/v1/contacts/capabilities')).status).toBe(422)
    for (const number of seed.numbers) await api('DELETE', `/v1/numbers/${number.id}`)
    const none = await api('GET', '/v1/contacts/capabilities?phone_number=%2B14155550133')
    expect(none.status).toBe(400)
  })

  it('bounds usage by agent to the period in the time zone asked, and refuses an unknown zone', async () => {
    const { api } = await setup()
    // T0 is Monday 2026-03-02 15:04 UTC.
    const week = await api('GET', '/v1/usage/by-agent?period=week&tz=Asia/Tokyo')
    expect(week.body).toMatchObject({
      period: 'week',
      periodStart: '2026-03-01T15:00:00.000Z',
      periodEnd: '2026-03-08T15:00:00.000Z',
    })
    const year = await api('GET', '/v1/usage/by-agent?period=year')
    expect(year.body).toMatchObject({
      periodStart: '2026-01-01T00:00:00.000Z',
      periodEnd: '2027-01-01T00:00:00.000Z',
    })
    const nowhere = await api('GET', '/v1/usage/by-agent?period=week&tz=Mars/Olympus')
    expect(nowhere.body).toMatchObject({ detail: [{ loc: ['query', 'tz'] }] })
  })
})

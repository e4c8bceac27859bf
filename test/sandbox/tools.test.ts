/** Every one of the 22 tools, through executeTool, against a freshly seeded sandbox account. */
import { describe, expect, it } from 'vitest'
import { type Contact, DAY, iso } from '../../sandbox/model.js'
import { dayOf } from '../../sandbox/usage.js'
import { asMessageOutputs, setup, sum, T0 } from './harness.js'

async function seeded() {
  const h = await setup()
  const { seed } = h
  const [frontDesk, followUps] = seed.agents
  const [usNumber, caNumber] = seed.numbers
  const imessageThread = seed.conversations.find((c) => c.phoneNumberId === usNumber?.id)
  const smsThread = seed.conversations.find((c) => c.phoneNumberId === caNumber?.id)
  const [outboundCall, inboundCall, failedCall] = seed.calls
  if (!frontDesk || !followUps || !usNumber || !caNumber || !imessageThread || !smsThread) {
    throw new Error('the seed lacks agents, numbers or threads')
  }
  if (!outboundCall || !inboundCall || !failedCall) throw new Error('the seed lacks calls')
  const messagesOf = (conversationId: string) =>
    seed.messages.filter((message) => message.conversationId === conversationId)
  return {
    ...h,
    frontDesk,
    followUps,
    usNumber,
    caNumber,
    imessageThread,
    smsThread,
    outboundCall,
    inboundCall,
    failedCall,
    messagesOf,
  }
}

const ok = <T>(result: { success: boolean; output: T; error?: string }) => {
  expect(result.error).toBeUndefined()
  expect(result.success).toBe(true)
  return result.output as T & Record<string, unknown>
}

describe('numbers', () => {
  it('create_number provisions a number in the area code asked for, attached to the agent', async () => {
    const { run, followUps } = await seeded()
    const output = ok(
      await run('create_number', { country: 'CA', areaCode: '604', agentId: followUps.id })
    )
    expect(output).toEqual({
      id: expect.stringMatching(/^num_[a-z0-9]{16}$/),
      phoneNumber: expect.stringMatching(/^\+1604\d{7}$/),
      country: 'CA',
      status: 'active',
      type: 'sms',
      agentId: followUps.id,
      createdAt: iso(T0),
    })
  })

  it('list_numbers returns the seeded numbers, one per agent', async () => {
    const { run, seed } = await seeded()
    expect(ok(await run('list_numbers'))).toEqual({
      data: seed.numbers.map((number) => ({
        id: number.id,
        phoneNumber: number.phoneNumber,
        country: number.country,
        status: 'active',
        type: 'sms',
        agentId: number.agentId,
        createdAt: iso(number.createdAt),
      })),
      hasMore: false,
      total: 2,
    })
    expect(seed.numbers.map((n) => [n.country, n.agentId])).toEqual([
      ['US', seed.agents[0]?.id],
      ['CA', seed.agents[1]?.id],
    ])
  })

  it('release_number releases a number, which then leaves the list', async () => {
    const { run, caNumber, usNumber } = await seeded()
    expect(ok(await run('release_number', { numberId: caNumber.id }))).toEqual({
      id: caNumber.id,
      released: true,
    })
    const list = ok(await run('list_numbers')) as { data: { id: string }[]; total: number }
    expect(list.data.map((n) => n.id)).toEqual([usNumber.id])
    expect(list.total).toBe(1)
  })

  it('get_number_messages returns the messages on a number, newest first, with from_/to', async () => {
    const { run, usNumber, imessageThread, messagesOf } = await seeded()
    const expected = asMessageOutputs(messagesOf(imessageThread.id)).map((m) => ({
      id: m.id,
      from_: m.fromNumber,
      to: m.toNumber,
      body: m.body,
      direction: m.direction,
      channel: 'imessage',
      receivedAt: m.receivedAt,
    }))
    expect(ok(await run('get_number_messages', { numberId: usNumber.id }))).toEqual({
      data: expected,
      hasMore: false,
    })
    expect(expected).toHaveLength(8)
  })
})

describe('calls', () => {
  it('create_call places a queued outbound call from the agent’s first number', async () => {
    const { run, frontDesk, usNumber } = await seeded()
    const output = ok(await run('create_call', { agentId: frontDesk.id, toNumber: '+14155550123' }))
    expect(output).toEqual({
      id: expect.stringMatching(/^call_/),
      agentId: frontDesk.id,
      status: 'queued',
      toNumber: '+14155550123',
      fromNumber: usNumber.phoneNumber,
      phoneNumberId: usNumber.id,
      direction: 'outbound',
      startedAt: iso(T0),
    })
  })

  it('list_calls returns the seeded calls newest first, and filters them', async () => {
    const { run, sandbox, outboundCall, inboundCall, failedCall } = await seeded()
    const all = ok(await run('list_calls')) as { data: Record<string, unknown>[]; total: number }
    expect(all.total).toBe(3)
    expect(all.data.map((c) => [c.id, c.status, c.direction])).toEqual([
      [failedCall.id, 'failed', 'outbound'],
      [inboundCall.id, 'completed', 'inbound'],
      [outboundCall.id, 'completed', 'outbound'],
    ])
    expect(all.data[2]).toEqual({
      id: outboundCall.id,
      agentId: outboundCall.agentId,
      phoneNumberId: outboundCall.phoneNumberId,
      phoneNumber: outboundCall.phoneNumber,
      fromNumber: outboundCall.fromNumber,
      toNumber: outboundCall.toNumber,
      direction: 'outbound',
      status: 'completed',
      startedAt: iso(outboundCall.placedAt),
      endedAt: iso(outboundCall.placedAt + 2_000 + outboundCall.durationSeconds * 1000),
      durationSeconds: outboundCall.durationSeconds,
      lastTranscriptSnippet: 'Thank you for your time. Goodbye!',
      recordingUrl: `${sandbox.url}/v1/calls/${outboundCall.id}/recording`,
      recordingAvailable: true,
    })

    const completed = ok(await run('list_calls', { status: 'completed', limit: 1 }))
    expect(completed).toMatchObject({ total: 2, hasMore: true, data: [{ id: inboundCall.id }] })
    const inbound = ok(await run('list_calls', { direction: 'inbound' }))
    expect(inbound).toMatchObject({ total: 1, data: [{ id: inboundCall.id }] })
    const search = ok(await run('list_calls', { search: failedCall.toNumber.slice(2) }))
    expect(search).toMatchObject({ total: 1, data: [{ id: failedCall.id }] })
    expect(ok(await run('list_calls', { type: 'web' }))).toEqual({
      data: [],
      hasMore: false,
      total: 0,
    })
  })

  it('get_call returns a past call with its transcript turns', async () => {
    const { run, outboundCall, frontDesk } = await seeded()
    const output = ok(await run('get_call', { callId: outboundCall.id }))
    expect(output).toMatchObject({ id: outboundCall.id, status: 'completed', durationSeconds: 10 })
    expect(output.transcripts).toEqual(
      outboundCall.turns.map((turn) => ({
        id: turn.id,
        transcript: turn.transcript,
        confidence: turn.confidence,
        response: turn.response,
        createdAt: iso(outboundCall.placedAt + 2_000 + turn.offsetMs),
      }))
    )
    expect(outboundCall.turns[0]?.response).toBe(frontDesk.beginMessage)
  })

  it('get_call_transcript returns the ordered user/agent transcript', async () => {
    const { run, inboundCall } = await seeded()
    const output = ok(await run('get_call_transcript', { callId: inboundCall.id }))
    expect(output.callId).toBe(inboundCall.id)
    expect(output.transcript).toEqual(
      inboundCall.turns.flatMap((turn) => {
        const createdAt = iso(inboundCall.placedAt + 2_000 + turn.offsetMs)
        return [
          { role: 'user', content: turn.transcript, createdAt },
          { role: 'agent', content: turn.response, createdAt },
        ]
      })
    )
    expect(output.transcript).toHaveLength(6)
  })
})

describe('conversations', () => {
  it('list_conversations returns both threads, newest activity first', async () => {
    const { run, imessageThread, smsThread, messagesOf } = await seeded()
    const output = ok(await run('list_conversations')) as { data: Record<string, unknown>[] }
    const latest = (id: string) => Math.max(...messagesOf(id).map((m) => m.receivedAt))
    const order = [imessageThread, smsThread].sort((a, b) => latest(b.id) - latest(a.id))
    expect(output).toMatchObject({ hasMore: false, total: 2 })
    expect(output.data.map((c) => c.id)).toEqual(order.map((c) => c.id))
    expect(output.data.find((c) => c.id === imessageThread.id)).toEqual({
      id: imessageThread.id,
      agentId: imessageThread.agentId,
      phoneNumberId: imessageThread.phoneNumberId,
      phoneNumber: imessageThread.phoneNumber,
      participant: imessageThread.participant,
      lastMessageAt: iso(latest(imessageThread.id)),
      lastMessagePreview: messagesOf(imessageThread.id).at(-1)?.body,
      messageCount: 8,
      metadata: { stage: 'booked', appointment: 'Thursday 15:30' },
      createdAt: iso(imessageThread.createdAt),
    })
  })

  it('get_conversation returns the thread with its most recent messages, media included', async () => {
    const { run, smsThread, messagesOf } = await seeded()
    const expected = asMessageOutputs(messagesOf(smsThread.id))
    const output = ok(await run('get_conversation', { conversationId: smsThread.id }))
    expect(output).toMatchObject({ id: smsThread.id, messageCount: 5, metadata: null })
    expect(output.messages).toEqual(expected)
    expect(expected.map((m) => m.channel)).toEqual(['sms', 'sms', 'mms', 'sms', 'sms'])
    expect(expected[2]?.mediaUrl).toMatch(/^https:\/\/.+coupon\.png$/)

    const recent = ok(
      await run('get_conversation', { conversationId: smsThread.id, messageLimit: 2 })
    )
    expect(recent.messages).toEqual(expected.slice(0, 2))
  })

  it('update_conversation replaces the metadata and returns the thread', async () => {
    const { run, imessageThread } = await seeded()
    const output = ok(
      await run('update_conversation', {
        conversationId: imessageThread.id,
        metadata: { stage: 'follow-up', score: 3 },
      })
    )
    expect(output).toMatchObject({
      id: imessageThread.id,
      metadata: { stage: 'follow-up', score: 3 },
    })
    expect(output.messages).toHaveLength(8)
  })

  it('get_conversation_messages pages a thread’s messages', async () => {
    const { run, imessageThread, messagesOf } = await seeded()
    const expected = asMessageOutputs(messagesOf(imessageThread.id))
    expect(
      ok(await run('get_conversation_messages', { conversationId: imessageThread.id }))
    ).toEqual({
      data: expected,
      hasMore: false,
    })
    const page = ok(
      await run('get_conversation_messages', { conversationId: imessageThread.id, limit: 3 })
    )
    expect(page).toEqual({ data: expected.slice(0, 3), hasMore: true })
    expect(expected.find((m) => m.mediaUrl)?.body).toBe("Here's my new insurance card")
  })
})

describe('messages', () => {
  it('send_message sends iMessage to an iMessage-capable number, else SMS (MMS with media)', async () => {
    const { run, frontDesk, usNumber, imessageThread } = await seeded()
    const toImessage = ok(
      await run('send_message', {
        agentId: frontDesk.id,
        toNumber: imessageThread.participant,
        body: 'See you Thursday!',
      })
    )
    expect(toImessage).toEqual({
      id: expect.stringMatching(/^msg_/),
      status: 'sent',
      channel: 'imessage',
      fromNumber: usNumber.phoneNumber,
      toNumber: imessageThread.participant,
    })
    const sms = ok(
      await run('send_message', { agentId: frontDesk.id, toNumber: '+14155550101', body: 'Hi' })
    )
    expect(sms.channel).toBe('sms')
    const mms = ok(
      await run('send_message', {
        agentId: frontDesk.id,
        toNumber: '+14155550101',
        body: 'Photo',
        mediaUrl: 'https://example.com/a.png',
      })
    )
    expect(mms.channel).toBe('mms')
  })

  it('react_to_message puts a tapback on an iMessage message', async () => {
    const { run, imessageThread, messagesOf } = await seeded()
    const message = messagesOf(imessageThread.id)[0]
    const output = ok(await run('react_to_message', { messageId: message?.id, reaction: 'laugh' }))
    expect(output).toEqual({
      id: expect.stringMatching(/^rxn_/),
      reactionType: 'laugh',
      messageId: message?.id,
      channel: 'imessage',
    })
  })
})

describe('contacts', () => {
  const contactOutput = (contact: Contact) => ({
    ...contact,
    createdAt: iso(contact.createdAt),
    updatedAt: iso(contact.updatedAt),
  })

  it('create_contact stores a contact (201) and returns it', async () => {
    const { run } = await seeded()
    const output = ok(
      await run('create_contact', {
        phoneNumber: '+14155550177',
        name: 'Grace Hopper',
        email: 'grace@example.com',
      })
    )
    expect(output).toEqual({
      id: expect.stringMatching(/^ct_/),
      phoneNumber: '+14155550177',
      name: 'Grace Hopper',
      email: 'grace@example.com',
      notes: null,
      createdAt: iso(T0),
      updatedAt: iso(T0),
    })
  })

  it('list_contacts returns the seeded contacts newest first, and searches them', async () => {
    const { run, seed } = await seeded()
    const newestFirst = [...seed.contacts].sort((a, b) => b.createdAt - a.createdAt)
    expect(ok(await run('list_contacts'))).toEqual({
      data: newestFirst.map(contactOutput),
      hasMore: false,
      total: 5,
    })
    const target = seed.contacts[2]
    const byName = ok(await run('list_contacts', { search: target?.name.toUpperCase() }))
    expect((byName.data as { id: string }[]).map((c) => c.id)).toContain(target?.id)
    const byPhone = ok(await run('list_contacts', { search: target?.phoneNumber.slice(-7) }))
    expect(byPhone).toMatchObject({ total: 1, data: [{ id: target?.id }] })
    expect(ok(await run('list_contacts', { limit: 2, offset: 4 }))).toMatchObject({
      hasMore: false,
      total: 5,
      data: [{ id: newestFirst[4]?.id }],
    })
  })

  it('get_contact returns one contact', async () => {
    const { run, seed } = await seeded()
    const contact = seed.contacts[1]
    if (!contact) throw new Error('no contact')
    expect(ok(await run('get_contact', { contactId: contact.id }))).toEqual(contactOutput(contact))
  })

  it('update_contact changes only the fields sent', async () => {
    const { run, seed } = await seeded()
    const contact = seed.contacts[0]
    if (!contact) throw new Error('no contact')
    expect(ok(await run('update_contact', { contactId: contact.id, notes: 'VIP' }))).toEqual({
      ...contactOutput(contact),
      notes: 'VIP',
      updatedAt: iso(T0),
    })
  })

  it('delete_contact deletes a contact (204)', async () => {
    const { run, seed } = await seeded()
    const id = seed.contacts[4]?.id
    expect(ok(await run('delete_contact', { contactId: id }))).toEqual({ id, deleted: true })
    expect(ok(await run('list_contacts'))).toMatchObject({ total: 4 })
  })
})

describe('usage', () => {
  it('get_usage reports the plan, the numbers and stats from the history plus real activity', async () => {
    const { run, seed } = await seeded()
    const output = ok(await run('get_usage'))
    expect(output.plan).toEqual({
      name: 'Sandbox',
      limits: {
        numbers: 5,
        messagesPerMonth: 10_000,
        voiceMinutesPerMonth: 1_000,
        maxCallDurationMinutes: 10,
        concurrentCalls: 5,
      },
    })
    expect(output.numbers).toEqual({ used: 2, limit: 5, remaining: 3 })
    const stats = output.stats as Record<string, number>
    expect(stats.totalMessages).toBe(sum(seed.history.messages) + 13)
    expect(stats.totalCalls).toBe(sum(seed.history.calls) + 3)
    expect(stats.failedWebhookDeliveries).toBe(sum(seed.history.failedWebhooks))
    expect(stats.totalWebhookDeliveries).toBe(
      (stats.successfulWebhookDeliveries ?? 0) + (stats.failedWebhookDeliveries ?? 0)
    )
    const recentMessages = seed.messages.filter((m) => m.receivedAt > T0 - DAY).length
    // History days count at their noon: the last one (yesterday) is 27 h before T0 (15:04 UTC).
    expect(stats.messagesLast24h).toBe(recentMessages)
    expect(stats.messagesLast7d).toBe(
      sum(seed.history.messages.slice(-6)) +
        seed.messages.filter((m) => m.receivedAt > T0 - 7 * DAY).length
    )
    expect(stats.messagesLast24h).toBeLessThanOrEqual(stats.messagesLast7d ?? 0)
    expect(stats.messagesLast7d).toBeLessThanOrEqual(stats.messagesLast30d ?? 0)
    expect(output.periodStart).toBe('2026-03-01T00:00:00.000Z')
    expect(output.periodEnd).toBe('2026-04-01T00:00:00.000Z')
  })

  it('get_usage_daily returns the last N days, oldest first, from the history', async () => {
    const { run, seed } = await seeded()
    const output = ok(await run('get_usage_daily', { days: 10 })) as {
      data: { date: string; messages: number; calls: number; webhooks: number }[]
      days: number
    }
    expect(output.days).toBe(10)
    expect(output.data.map((d) => d.date)).toEqual(
      Array.from({ length: 10 }, (_, i) => dayOf(T0 - (9 - i) * DAY))
    )
    // Four days back, only the history counts (the seeded activity is within the last 3 days).
    const index = seed.history.messages.length - 4
    expect(output.data[5]).toEqual({
      date: dayOf(T0 - 4 * DAY),
      messages: seed.history.messages[index],
      calls: seed.history.calls[index],
      webhooks: seed.history.webhooks[index],
    })
    expect(ok(await run('get_usage_daily')).days).toBe(30)
  })

  it('get_usage_monthly returns the last N months, oldest first', async () => {
    const { run, seed } = await seeded()
    const output = ok(await run('get_usage_monthly', { months: 17 })) as {
      data: { month: string; messages: number }[]
      months: number
    }
    expect(output.months).toBe(17)
    expect(output.data.map((m) => m.month).slice(0, 3)).toEqual(['2024-11', '2024-12', '2025-01'])
    expect(output.data.at(-1)?.month).toBe('2026-03')
    // 400 days of history reach back to late January 2025.
    expect(output.data[1]?.messages).toBe(0)
    expect(output.data[2]?.messages).toBeGreaterThan(0)
    expect(sum(output.data.map((m) => m.messages))).toBe(sum(seed.history.messages) + 13)
    expect(ok(await run('get_usage_monthly')).months).toBe(6)
  })
})

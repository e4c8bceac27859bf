/** Flows that chain one tool's outputs into the next, as a workflow would. */
import { describe, expect, it } from 'vitest'
import { iso } from '../../sandbox/model.js'
import { setup, T0 } from './harness.js'

type Page = {
  data: { id: string; body: string; direction: string; receivedAt: string }[]
  hasMore: boolean
}

describe('messaging flow', () => {
  it('buy a number → send → read the conversation → set metadata → reply → page with cursors → react', async () => {
    const { run, api, seed, clock } = await setup()
    const agentId = seed.agents[0]?.id

    const number = await run('create_number', { areaCode: '212', agentId })
    expect(number.output).toMatchObject({ country: 'US', agentId, status: 'active' })
    expect(number.output.phoneNumber).toMatch(/^\+1212\d{7}$/)
    const numberId = number.output.id as string

    const participant = '+12125550142' // even last digit: iMessage-capable
    const sent: string[] = []
    for (const body of ['One', 'Two', 'Three']) {
      clock.now += 1_000
      const result = await run('send_message', { agentId, numberId, toNumber: participant, body })
      expect(result.output).toMatchObject({
        channel: 'imessage',
        fromNumber: number.output.phoneNumber,
        toNumber: participant,
      })
      sent.push(result.output.id as string)
    }

    const list = await run('list_conversations', { limit: 1 })
    expect(list.output).toMatchObject({ total: 3, hasMore: true })
    const [newest] = list.output.data as Record<string, unknown>[]
    expect(newest).toMatchObject({
      phoneNumberId: numberId,
      participant,
      agentId,
      messageCount: 3,
      lastMessagePreview: 'Three',
      lastMessageAt: iso(T0 + 3_000),
      metadata: null,
    })
    const conversationId = newest?.id as string

    const detail = await run('get_conversation', { conversationId })
    expect((detail.output.messages as { id: string }[]).map((m) => m.id)).toEqual(
      [...sent].reverse()
    )

    const tagged = await run('update_conversation', { conversationId, metadata: { stage: 'lead' } })
    expect(tagged.output.metadata).toEqual({ stage: 'lead' })

    clock.now += 1_000
    const reply = await api('POST', '/sandbox/inbound', { conversationId, body: 'Sounds good!' })
    expect(reply.status).toBe(201)
    expect(reply.body).toMatchObject({
      direction: 'inbound',
      channel: 'imessage',
      fromNumber: participant,
      toNumber: number.output.phoneNumber,
      conversationId,
    })
    const replyId = (reply.body as { id: string }).id

    // Newest first; `before` pages back, `after` pages forward.
    const first = (await run('get_conversation_messages', { conversationId, limit: 2 }))
      .output as Page
    expect(first.data.map((m) => m.body)).toEqual(['Sounds good!', 'Three'])
    expect(first.hasMore).toBe(true)
    const before = first.data.at(-1)?.receivedAt
    const second = (await run('get_conversation_messages', { conversationId, limit: 2, before }))
      .output as Page
    expect(second.data.map((m) => m.body)).toEqual(['Two', 'One'])
    expect(second.hasMore).toBe(false)
    const after = second.data.at(-1)?.receivedAt
    const forward = (await run('get_conversation_messages', { conversationId, limit: 2, after }))
      .output as Page
    expect(forward.data.map((m) => m.body)).toEqual(['Three', 'Two'])
    expect(forward.hasMore).toBe(true)

    const reaction = await run('react_to_message', { messageId: replyId, reaction: 'love' })
    expect(reaction.output).toMatchObject({
      reactionType: 'love',
      messageId: replyId,
      channel: 'imessage',
    })
    const raw = await api('GET', `/v1/conversations/${conversationId}`)
    const replied = (raw.body as { messages: { id: string; reactions: unknown[] }[] }).messages[0]
    expect(replied).toMatchObject({ id: replyId, reactions: [{ reactionType: 'love' }] })

    const onNumber = await run('get_number_messages', { numberId })
    expect((onNumber.output.data as { from_: string }[]).map((m) => m.from_)).toEqual([
      participant,
      number.output.phoneNumber,
      number.output.phoneNumber,
      number.output.phoneNumber,
    ])
  })
})

describe('contacts flow', () => {
  it('create → search → update → 409 on a duplicate → delete → 404', async () => {
    const { run } = await setup()
    const created = await run('create_contact', {
      phoneNumber: '+14155550177',
      name: 'Hedy Lamarr',
      email: 'hedy@example.com',
      notes: 'Met at the conference',
    })
    expect(created.success).toBe(true)
    const contactId = created.output.id as string

    const found = await run('list_contacts', { search: 'HEDY' })
    expect(found.output).toMatchObject({
      total: 1,
      data: [{ id: contactId, name: 'Hedy Lamarr' }],
    })

    const updated = await run('update_contact', { contactId, name: 'Hedy Kiesler Lamarr' })
    expect(updated.output).toMatchObject({
      name: 'Hedy Kiesler Lamarr',
      phoneNumber: '+14155550177',
      email: 'hedy@example.com',
      notes: 'Met at the conference',
    })

    const duplicate = await run('create_contact', { phoneNumber: '+14155550177', name: 'Imposter' })
    expect(duplicate.success).toBe(false)
    expect(duplicate.error).toBe(
      `AgentPhone API error (HTTP 409 Conflict): A contact with phone number +14155550177 already exists (${contactId})`
    )

    expect((await run('delete_contact', { contactId })).output).toEqual({
      id: contactId,
      deleted: true,
    })
    const gone = await run('get_contact', { contactId })
    expect(gone).toEqual({
      success: false,
      output: {},
      error: 'AgentPhone API error (HTTP 404 Not Found): Contact not found',
    })
  })
})

describe('call flow', () => {
  it('place a call → poll until completed (injected clock) → read the transcript', async () => {
    const { run, seed, clock } = await setup()
    const agent = seed.agents[1]
    const call = await run('create_call', {
      agentId: agent?.id,
      toNumber: '+14155550123',
      initialGreeting: 'Hi Sam, this is Ben from the clinic.',
      systemPrompt: 'You are confirming tomorrow’s 9:00 appointment. Be brief.',
    })
    expect(call.output).toMatchObject({ status: 'queued', direction: 'outbound' })
    const callId = call.output.id as string

    const statuses: string[] = []
    const snippets: unknown[] = []
    for (let polls = 0; polls < 20; polls++) {
      const current = await run('get_call', { callId })
      statuses.push(current.output.status as string)
      snippets.push(current.output.lastTranscriptSnippet)
      if (current.output.status === 'completed') break
      clock.now += 1_500
    }
    // queued while ringing, in-progress while talking, completed at the end — never backwards.
    expect([...new Set(statuses)]).toEqual(['queued', 'in-progress', 'completed'])
    expect(snippets[0]).toBeNull()

    const done = await run('get_call', { callId })
    expect(done.output).toMatchObject({
      status: 'completed',
      durationSeconds: 10,
      endedAt: iso(T0 + 12_000),
      lastTranscriptSnippet: 'Thank you for your time. Goodbye!',
      recordingAvailable: true,
    })
    expect(done.output.transcripts).toHaveLength(3)

    const transcript = await run('get_call_transcript', { callId })
    expect(transcript.output).toEqual({
      callId,
      transcript: [
        { role: 'user', content: 'Hello?', createdAt: iso(T0 + 2_000) },
        {
          role: 'agent',
          content: 'Hi Sam, this is Ben from the clinic.',
          createdAt: iso(T0 + 2_000),
        },
        {
          role: 'user',
          content: 'Sure. Who is this, and what is it about?',
          createdAt: iso(T0 + 5_000),
        },
        {
          role: 'agent',
          content: "I'm confirming tomorrow’s 9:00 appointment.",
          createdAt: iso(T0 + 5_000),
        },
        { role: 'user', content: 'Okay, that works for me. Thanks!', createdAt: iso(T0 + 8_000) },
        { role: 'agent', content: 'Thank you for your time. Goodbye!', createdAt: iso(T0 + 8_000) },
      ],
    })

    const completed = await run('list_calls', { status: 'completed' })
    expect((completed.output.data as { id: string }[]).map((c) => c.id)).toContain(callId)
  })

  it('shows the transcript growing while the call is in progress', async () => {
    const { run, seed, clock } = await setup()
    const call = await run('create_call', { agentId: seed.agents[0]?.id, toNumber: '+14155550123' })
    const callId = call.output.id as string
    expect((await run('get_call_transcript', { callId })).output.transcript).toEqual([])
    clock.now += 2_000
    const answered = await run('get_call', { callId })
    expect(answered.output).toMatchObject({ status: 'in-progress', endedAt: null })
    expect(answered.output.transcripts).toMatchObject([{ response: seed.agents[0]?.beginMessage }])
    clock.now += 3_000
    expect((await run('get_call_transcript', { callId })).output.transcript).toHaveLength(4)
  })
})

describe('usage flow', () => {
  it('usage numbers move after sending', async () => {
    const { run, seed } = await setup()
    const before = await run('get_usage')
    const todayBefore = await run('get_usage_daily', { days: 1 })
    const monthBefore = await run('get_usage_monthly', { months: 1 })
    await run('send_message', { agentId: seed.agents[0]?.id, toNumber: '+14155550101', body: 'Hi' })
    await run('send_message', {
      agentId: seed.agents[1]?.id,
      toNumber: '+14155550103',
      body: 'Hey',
    })
    const after = await run('get_usage')
    const stats = (result: typeof before) => result.output.stats as Record<string, number>
    for (const field of ['totalMessages', 'messagesLast24h', 'messagesLast7d', 'messagesLast30d']) {
      expect(stats(after)[field]).toBe((stats(before)[field] ?? 0) + 2)
    }
    expect(stats(after).totalCalls).toBe(stats(before).totalCalls)
    const messagesIn = (result: typeof before) =>
      (result.output.data as { messages: number }[])[0]?.messages ?? 0
    expect(messagesIn(await run('get_usage_daily', { days: 1 }))).toBe(messagesIn(todayBefore) + 2)
    expect(messagesIn(await run('get_usage_monthly', { months: 1 }))).toBe(
      messagesIn(monthBefore) + 2
    )

    await run('create_number', { agentId: seed.agents[0]?.id })
    expect((await run('get_usage')).output.numbers).toEqual({ used: 3, limit: 5, remaining: 2 })
  })
})

/**
 * A workflow that starts on an AgentPhone event: the trigger block (an `agentphone` block in
 * trigger mode) outputs the event, and later blocks read it, e.g. `<agentphone1.data.from>`.
 */
import { describe, expect, it } from 'vitest'
import { agentphoneHandler } from '@/lib/webhooks/providers/agentphone'
import { AgentPhoneBlock, isTriggerField } from '../../blocks/index.js'
import { loadWorkflow, runWorkflow } from '../../workflow/index.js'
import { setup } from '../sandbox/harness.js'
import { fakeReceiver } from '../support/webhook-receiver.js'
import { agentphone, readExample, workflow } from './build.js'

const TRIGGER_BLOCK = '6f1c2a0e-3b4d-4e5f-8a9b-0c1d2e3f4a5b'

/** A sandbox with a project webhook whose deliveries land in a fake receiver. */
async function withDeliveries() {
  const receiver = fakeReceiver()
  const harness = await setup({ webhooks: { fetch: receiver.fetch } })
  await harness.api('POST', '/v1/webhooks', { url: 'https://workbench.example.test/hooks/wf' })
  /** The event the handler hands the workflow, for the last delivery. */
  const lastEvent = async () => {
    await harness.sandbox.settled()
    const delivery = receiver.received.at(-1)
    if (!delivery) throw new Error('nothing was delivered')
    const formatted = await agentphoneHandler.formatInput?.({
      webhook: {},
      workflow: { id: 'wf', userId: 'local' },
      body: delivery.json,
      headers: delivery.headers,
      query: {},
      method: 'POST',
      requestId: 'req',
    })
    return formatted?.input as Record<string, unknown>
  }
  return { ...harness, receiver, lastEvent }
}

describe('examples/inbound-text-reply.json', () => {
  it('is a valid Sim export whose first block is the AgentPhone message trigger', () => {
    const loaded = loadWorkflow(readExample('inbound-text-reply'))
    expect(loaded.ok).toBe(true)
    const trigger = readExample('inbound-text-reply').state.blocks[TRIGGER_BLOCK]
    expect(trigger).toMatchObject({ type: 'agentphone', name: 'AgentPhone 1', triggerMode: true })
    expect(trigger?.subBlocks.selectedTriggerId?.value).toBe('agentphone_message_received')
  })

  it('an inbound text runs it: one reply, to the sender, from the number texted', async () => {
    const { api, sandbox, key, seed, lastEvent, requests } = await withDeliveries()
    const number = seed.numbers[0]
    await api('POST', '/sandbox/inbound', {
      numberId: number?.id,
      from: '+14155550142',
      body: 'Do you open on Sundays?',
    })
    const event = await lastEvent()
    await api('DELETE', '/sandbox/requests')

    const result = await runWorkflow(readExample('inbound-text-reply'), {
      input: event,
      startBlockId: TRIGGER_BLOCK,
      env: { AGENTPHONE_API_KEY: key },
      baseUrl: sandbox.url,
      fetch: sandbox.fetch,
    })
    expect(result.success, result.error).toBe(true)
    expect(result.blocks.map((block) => [block.name, block.status])).toEqual([
      ['AgentPhone 1', 'success'],
      ['AgentPhone 2', 'success'],
    ])
    expect(result.blocks[0]?.output).toEqual(event)
    expect(result.blocks[1]?.output).toMatchObject({
      status: 'sent',
      fromNumber: number?.phoneNumber,
      toNumber: '+14155550142',
    })
    expect((await requests()).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /v1/messages 200',
    ])
    const conversation = (
      await api(
        'GET',
        `/v1/conversations/${(event.data as { conversationId: string }).conversationId}`
      )
    ).body as { messages: { body: string; direction: string }[] }
    expect(conversation.messages[0]).toMatchObject({
      direction: 'outbound',
      body: 'Thanks for your message! We received: "Do you open on Sundays?". Someone will get back to you shortly.',
    })
  })

  it('run by hand without an event, the trigger says what it needs', async () => {
    const result = await runWorkflow(readExample('inbound-text-reply'), {
      input: {},
      startBlockId: TRIGGER_BLOCK,
      env: { AGENTPHONE_API_KEY: 'sk_sandbox_unused' },
    })
    expect(result.success).toBe(false)
    expect(result.blocks[0]?.error).toBe(
      'AgentPhone 1 runs on an AgentPhone event: activate the workflow, or run it with an event as its input'
    )
    expect(result.blocks[1]?.status).toBe('skipped')
  })

  it('a reference to a field the trigger does not have is an error naming it', async () => {
    const workflow = readExample('inbound-text-reply')
    const reply = workflow.state.blocks['9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d']
    if (!reply?.subBlocks.toNumberMessage) throw new Error('example has the reply block')
    reply.subBlocks.toNumberMessage.value = '<agentphone1.data.sender>'
    const { api, key, sandbox, seed, lastEvent } = await withDeliveries()
    await api('POST', '/sandbox/inbound', {
      numberId: seed.numbers[0]?.id,
      from: '+14155550142',
      body: 'Hi',
    })
    const result = await runWorkflow(workflow, {
      input: await lastEvent(),
      startBlockId: TRIGGER_BLOCK,
      env: { AGENTPHONE_API_KEY: key },
      baseUrl: sandbox.url,
      fetch: sandbox.fetch,
    })
    expect(result.success).toBe(false)
    expect(result.blocks[1]?.error).toContain('data.sender')
  })
})

describe('an AgentPhone block running an operation', () => {
  it('ignores the trigger fields an editor stores with it (their HTML is not references)', async () => {
    const { key, sandbox, seed } = await setup()
    // What an editor saves for a new block: every field, trigger ones with their defaults.
    const triggerDefaults = Object.fromEntries(
      AgentPhoneBlock.subBlocks
        .filter(isTriggerField)
        .map(({ id, defaultValue }) => [id, defaultValue ?? ''])
    )
    expect(String(triggerDefaults.triggerInstructions_agentphone_message_received)).toContain(
      '<strong>'
    )
    const send = agentphone('AgentPhone 1', 'send_message', {
      ...triggerDefaults,
      selectedTriggerId: 'agentphone_message_received',
      sendAgentId: seed.agents[0]?.id,
      toNumberMessage: '+14155550177',
      messageBody: 'Hello',
    })
    const result = await runWorkflow(workflow([send], []), {
      env: { AGENTPHONE_API_KEY: key },
      baseUrl: sandbox.url,
      fetch: sandbox.fetch,
    })
    expect(result.success, result.error).toBe(true)
    expect(result.blocks[0]?.output).toMatchObject({ status: 'sent', toNumber: '+14155550177' })
  })
})

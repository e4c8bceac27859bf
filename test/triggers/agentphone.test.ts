/** The AgentPhone triggers: Sim's TriggerConfig shape, and outputs that are what events carry. */
import { describe, expect, it } from 'vitest'
import { getTrigger } from '@/triggers'
import { AGENTPHONE_TRIGGER_EVENTS } from '@/triggers/agentphone/utils'
import { TRIGGER_REGISTRY } from '@/triggers/registry'
import { setup } from '../sandbox/harness.js'
import { fakeReceiver } from '../support/webhook-receiver.js'

const TRIGGER_IDS = [
  'agentphone_message_received',
  'agentphone_call_ended',
  'agentphone_reaction_received',
]

describe('AgentPhone trigger configs', () => {
  it('one per event, registered under its id', () => {
    expect(Object.keys(TRIGGER_REGISTRY)).toEqual(TRIGGER_IDS)
    expect(Object.keys(AGENTPHONE_TRIGGER_EVENTS)).toEqual(TRIGGER_IDS)
    for (const id of TRIGGER_IDS) {
      const trigger = TRIGGER_REGISTRY[id]
      expect(trigger).toMatchObject({ id, provider: 'agentphone', version: '1.0.0' })
      expect(trigger?.name).toMatch(/^AgentPhone /)
      expect(trigger?.webhook).toEqual({
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
      })
    }
  })

  it('subBlocks: the trigger-type dropdown (first trigger only), the URL to copy, API key, agent filter, instructions', () => {
    const shape = (id: string) =>
      getTrigger(id).subBlocks.map((subBlock) => [
        subBlock.id,
        subBlock.type,
        subBlock.required ?? false,
        subBlock.mode,
      ])
    expect(shape('agentphone_message_received')).toEqual([
      ['selectedTriggerId', 'dropdown', true, 'trigger'],
      ['webhookUrlDisplay_agentphone_message_received', 'short-input', false, 'trigger'],
      ['triggerApiKey', 'short-input', true, 'trigger'],
      ['triggerAgentId', 'short-input', false, 'trigger'],
      ['triggerInstructions_agentphone_message_received', 'text', false, 'trigger'],
    ])
    expect(shape('agentphone_call_ended').map(([id]) => id)).toEqual([
      'webhookUrlDisplay_agentphone_call_ended',
      'triggerApiKey',
      'triggerAgentId',
      'triggerInstructions_agentphone_call_ended',
    ])
    const [dropdown, url, apiKey] = getTrigger('agentphone_message_received').subBlocks
    expect(dropdown?.options).toEqual([
      { label: 'Message Received', id: 'agentphone_message_received' },
      { label: 'Call Ended', id: 'agentphone_call_ended' },
      { label: 'Reaction Received', id: 'agentphone_reaction_received' },
    ])
    expect(url).toMatchObject({ readOnly: true, showCopyButton: true, useWebhookUrl: true })
    expect(apiKey).toMatchObject({ password: true, paramVisibility: 'user-only' })
    for (const id of TRIGGER_IDS) {
      for (const subBlock of getTrigger(id).subBlocks.slice(id.endsWith('received') ? 1 : 0)) {
        if (subBlock.id !== 'selectedTriggerId') {
          expect(subBlock.condition).toEqual({ field: 'selectedTriggerId', value: id })
        }
      }
    }
    expect(() => getTrigger('agentphone_nope')).toThrow('Trigger not found: agentphone_nope')
  })
})

/** `{a: {type}, data: {x: {type}}}` → `['a', 'data', 'data.x']`. */
function outputPaths(outputs: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(outputs).flatMap(([key, value]) => {
    const node = value as Record<string, unknown>
    const path = `${prefix}${key}`
    return typeof node.type === 'string'
      ? [path]
      : [path, ...outputPaths(node as Record<string, unknown>, `${path}.`)]
  })
}

/** The same paths for a delivered JSON body, one level into `data`. */
const bodyPaths = (body: Record<string, unknown>) =>
  Object.entries(body).flatMap(([key, value]) =>
    key === 'data' ? [key, ...Object.keys(value as object).map((k) => `data.${k}`)] : [key]
  )

describe('trigger outputs are exactly what the events carry', () => {
  it('message received, reaction received and call ended, as the sandbox delivers them', async () => {
    const receiver = fakeReceiver()
    const { api, run, sandbox, seed, clock } = await setup({ webhooks: { fetch: receiver.fetch } })
    await api('POST', '/v1/webhooks', { url: 'https://hooks.example.test/agentphone' })
    const conversation = seed.conversations[0]
    const inbound = await api('POST', '/sandbox/inbound', {
      conversationId: conversation?.id,
      body: 'Hello',
    })
    await api('POST', '/sandbox/inbound/reactions', {
      messageId: (inbound.body as { id: string }).id,
      reaction: 'like',
    })
    await run('create_call', { agentId: seed.agents[0]?.id, toNumber: '+14155550188' })
    clock.now += 60_000
    await api('GET', '/v1/calls')
    await sandbox.settled()

    const byEvent = Object.fromEntries(receiver.received.map((d) => [d.json.event, d.json]))
    for (const id of TRIGGER_IDS) {
      const event = AGENTPHONE_TRIGGER_EVENTS[id] as string
      const body = byEvent[event]
      expect(body, event).toBeDefined()
      expect(outputPaths(getTrigger(id).outputs).sort()).toEqual(bodyPaths(body ?? {}).sort())
    }
  })
})

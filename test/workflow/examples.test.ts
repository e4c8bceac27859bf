/** The examples in examples/, run end to end against the in-process sandbox. */
import { describe, expect, it } from 'vitest'
import { startSandbox } from '../../sandbox/index.js'
import { executeTool } from '../../tools/index.js'
import { type RunResult, runWorkflow } from '../../workflow/index.js'
import { newKey } from '../sandbox/harness.js'
import { readExample } from './build.js'

type Row = Record<string, unknown>

async function sandboxFor(now?: () => number) {
  const sandbox = await startSandbox(now ? { now } : {})
  const apiKey = newKey()
  const execute = { baseUrl: sandbox.url, fetch: sandbox.fetch }
  const call = async (operation: string, params: Record<string, unknown> = {}) => {
    const result = await executeTool(`agentphone_${operation}`, { apiKey, ...params }, execute)
    expect(result.success, result.error).toBe(true)
    return result.output as Row
  }
  const first = async (operation: string, params: Record<string, unknown> = {}) =>
    ((await call(operation, params)).data as Row[])[0] as Row
  return { apiKey, execute, call, first, env: { AGENTPHONE_API_KEY: apiKey } }
}

const outputOf = (result: RunResult, name: string) =>
  result.blocks.find((block) => block.name === name)?.output as Row

describe('examples', () => {
  it('text-customer: list_numbers → send_message to the number given at the start', async () => {
    const { first, env, execute } = await sandboxFor()
    const input = { toNumber: '+14155550177', message: 'Your table is ready.' }
    const result = await runWorkflow(readExample('text-customer'), { input, env, ...execute })
    expect(result.success, result.error).toBe(true)
    const number = await first('list_numbers', { limit: 1 })
    const sent = outputOf(result, 'AgentPhone 2')
    expect(sent).toMatchObject({
      status: 'sent',
      fromNumber: number.phoneNumber,
      toNumber: input.toNumber,
    })
    expect(result.output).toEqual({
      data: { messageId: sent.id, status: 'sent', from: number.phoneNumber, to: input.toNumber },
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    })
    const message = await first('get_number_messages', { numberId: number.id, limit: 1 })
    expect(message).toMatchObject({ id: sent.id, body: input.message })
  })

  it('call-transcript: create_call, get_call waiting for the end, then the whole transcript', async () => {
    // The sandbox's clock runs a thousand times faster than the real one: the call's 12 s take
    // 12 ms, and Get Call's wait is what holds the run until the call has ended.
    const start = Date.now()
    const { env, execute } = await sandboxFor(
      () => Date.parse('2026-03-02T15:04:05.000Z') + (Date.now() - start) * 1_000
    )
    const greeting = 'Hello from the examples test.'
    const result = await runWorkflow(readExample('call-transcript'), {
      input: { toNumber: '+14155550178', greeting },
      env,
      ...execute,
    })
    expect(result.success, result.error).toBe(true)
    const placed = outputOf(result, 'AgentPhone 2')
    expect(placed.status).toBe('queued')
    const waited = result.blocks.find((block) => block.name === 'Wait for Call')
    expect(waited?.input).toMatchObject({
      callId: placed.id,
      waitForCompletion: true,
      waitTimeout: '300',
    })
    expect(waited?.output).toMatchObject({ id: placed.id, status: 'completed' })
    const transcriptBlock = result.blocks.find((block) => block.name === 'AgentPhone 3')
    expect(transcriptBlock?.input.callId).toBe(placed.id)
    const transcript = outputOf(result, 'AgentPhone 3').transcript as Array<Record<string, unknown>>
    // The finished call: three exchanges, the greeting first, the goodbye last.
    expect(transcript.map((entry) => entry.role)).toEqual([
      'user',
      'agent',
      'user',
      'agent',
      'user',
      'agent',
    ])
    expect(transcript[1]?.content).toBe(greeting)
    expect(transcript.at(-1)?.content).toBe('Thank you for your time. Goodbye!')
    expect(result.output).toEqual({
      data: {
        callId: placed.id,
        to: '+14155550178',
        status: 'completed',
        durationSeconds: waited?.output?.durationSeconds,
        transcript,
      },
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    })
  })

  it('conversation-branch: branches on the conversation metadata', async () => {
    const { call, first, env, execute } = await sandboxFor()
    const latest = await first('list_conversations', { limit: 1 })
    const workflow = readExample('conversation-branch')

    await call('update_conversation', {
      conversationId: latest.id,
      metadata: { stage: 'booked', appointment: 'Friday 10:00' },
    })
    const booked = await runWorkflow(workflow, { env, ...execute })
    expect(booked.success, booked.error).toBe(true)
    expect(Object.fromEntries(booked.blocks.map((b) => [b.name, b.status]))).toMatchObject({
      Stage: 'success',
      Booked: 'success',
      'Mark Follow Up': 'skipped',
      'Follow Up': 'skipped',
    })
    expect(booked.output).toMatchObject({
      data: { conversationId: latest.id, stage: 'booked', appointment: 'Friday 10:00' },
    })

    await call('update_conversation', { conversationId: latest.id, metadata: { stage: 'new' } })
    const other = await runWorkflow(workflow, { env, ...execute })
    expect(other.success, other.error).toBe(true)
    expect(outputOf(other, 'Stage')).toMatchObject({
      conditionResult: true,
      selectedOption: expect.stringMatching(/-else$/),
    })
    expect(other.blocks.find((b) => b.name === 'Booked')?.status).toBe('skipped')
    const expected = { stage: 'needs_follow_up', previousStage: 'new' }
    expect(other.output).toMatchObject({ data: { conversationId: latest.id, metadata: expected } })
    expect((await call('get_conversation', { conversationId: latest.id })).metadata).toEqual(
      expected
    )
  })
})

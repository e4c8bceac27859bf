/**
 * `GET /v1/calls/{id}?wait=true&timeout=N`: held until the call reaches a final state or N seconds
 * (at most 300) pass on the sandbox's clock, whichever comes first; a client that hangs up ends
 * the wait. The clock is the test's: nothing here depends on how fast the machine is.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it, onTestFinished } from 'vitest'
import { ANSWER_AFTER_MS, planCall } from '../../sandbox/calls.js'
import { hashKey, random } from '../../sandbox/random.js'
import { MAX_WAIT_SECONDS } from '../../sandbox/routes/calls.js'
import { seedAccount } from '../../sandbox/seed.js'
import { POLL_MS } from '../../sandbox/wait.js'
import { newKey, setup, T0 } from './harness.js'

type CallAnswer = { id: string; status: string; transcripts: unknown[]; endedAt: string | null }

/** Places a call and starts a long-poll on it; `settled` tells whether an answer came yet. */
async function placeAndWait(
  h: Awaited<ReturnType<typeof setup>>,
  query: string,
  signal?: AbortSignal
) {
  const placed = await h.api('POST', '/v1/calls', {
    agentId: h.seed.agents[0]?.id,
    toNumber: '+14155550123',
  })
  const { id } = placed.body as { id: string }
  const state = { settled: false }
  const answer = h.sandbox
    .fetch(`${h.sandbox.url}/v1/calls/${id}?${query}`, {
      headers: { Authorization: `Bearer ${h.key}` },
      ...(signal ? { signal } : {}),
    })
    .finally(() => {
      state.settled = true
    })
  return { id, answer, state }
}

/** Lets the sandbox look at its clock a few times: a wait that could end would have ended. */
const letItLook = () => sleep(POLL_MS * 3)

describe('get_call long-poll', () => {
  it('answers as soon as the call ends, with its final state and whole transcript', async () => {
    const h = await setup()
    const { id, answer, state } = await placeAndWait(h, 'wait=true&timeout=300')
    await letItLook()
    expect(state.settled).toBe(false)
    h.clock.now += ANSWER_AFTER_MS + 5_000 // answered, talking
    await letItLook()
    expect(state.settled).toBe(false)
    h.clock.now += 60_000 // long over, yet far from the 300 s timeout
    const response = await answer
    expect(response.status).toBe(200)
    const call = (await response.json()) as CallAnswer
    expect(call).toMatchObject({ id, status: 'completed', endedAt: expect.any(String) })
    expect(call.transcripts).toHaveLength(3)
  })

  it('answers at the timeout with the call as it is then', async () => {
    const h = await setup()
    const { id, answer, state } = await placeAndWait(h, 'wait=true&timeout=5')
    h.clock.now += 4_000
    await letItLook()
    expect(state.settled).toBe(false)
    h.clock.now += 1_000 // 5 s: the timeout; the call talks from 2 s to 12 s, a turn every 3 s
    const call = (await (await answer).json()) as CallAnswer
    expect(call).toMatchObject({ id, status: 'in-progress', endedAt: null })
    expect(call.transcripts).toHaveLength(2)
  })

  it('answers at once without wait=true, or for a call that has already ended', async () => {
    const h = await setup()
    const { answer } = await placeAndWait(h, 'timeout=300')
    expect(((await (await answer).json()) as CallAnswer).status).toBe('queued')
    const ended = h.seed.calls[0]?.id
    const direct = await h.api('GET', `/v1/calls/${ended}?wait=true&timeout=300`)
    expect(direct.body).toMatchObject({ id: ended, status: 'completed' })
  })

  it('ends the wait when the call is hung up', async () => {
    const h = await setup()
    const { id, answer } = await placeAndWait(h, 'wait=true&timeout=300')
    h.clock.now += ANSWER_AFTER_MS + 3_000
    const hungUp = await h.api('POST', `/v1/calls/${id}/end`)
    expect(hungUp.body).toMatchObject({ id, status: 'completed', durationSeconds: 3 })
    expect(((await (await answer).json()) as CallAnswer).status).toBe('completed')
  })

  it(`holds a request ${MAX_WAIT_SECONDS} s at most, whatever timeout is asked`, async () => {
    // A call that talks for an hour, written to a data file the sandbox starts from.
    const dir = mkdtempSync(join(tmpdir(), 'agentphone-long-poll-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const key = newKey()
    const account = seedAccount(hashKey(key), T0)
    const [agent] = account.agents
    const [number] = account.numbers
    if (!agent || !number) throw new Error('the seed lacks an agent or a number')
    const long = planCall(random(account), {
      agent,
      number,
      participant: '+14155550123',
      direction: 'outbound',
      placedAt: T0,
      script: [{ transcript: 'Hello?', response: 'Hi!' }],
    })
    long.durationSeconds = 3_600
    account.calls.push(long)
    const dataFile = join(dir, 'state.json')
    writeFileSync(
      dataFile,
      JSON.stringify({
        format: 'agentphone-sandbox',
        version: 1,
        accounts: { [hashKey(key)]: account },
      })
    )
    const h = await setup({ dataFile })
    const state = { settled: false }
    const answer = h.sandbox
      .fetch(`${h.sandbox.url}/v1/calls/${long.id}?wait=true&timeout=3600`, {
        headers: { Authorization: `Bearer ${key}` },
      })
      .finally(() => {
        state.settled = true
      })
    h.clock.now += (MAX_WAIT_SECONDS - 1) * 1_000
    await letItLook()
    expect(state.settled).toBe(false)
    h.clock.now += 1_000
    expect(((await (await answer).json()) as CallAnswer).status).toBe('in-progress')
  })

  it('refuses a timeout that is not a whole number of seconds', async () => {
    const h = await setup()
    const answer = await h.api('GET', `/v1/calls/${h.seed.calls[0]?.id}?wait=true&timeout=soon`)
    expect(answer.status).toBe(422)
    expect(answer.body).toMatchObject({
      detail: [{ loc: ['query', 'timeout'], type: 'int_parsing' }],
    })
    const wait = await h.api('GET', `/v1/calls/${h.seed.calls[0]?.id}?wait=maybe`)
    expect(wait.body).toMatchObject({ detail: [{ loc: ['query', 'wait'] }] })
  })
})

describe('a client that hangs up during the long-poll', () => {
  it('frees the wait of the in-process fetch', async () => {
    const lines: string[] = []
    const h = await setup({ log: (line) => lines.push(line) })
    const controller = new AbortController()
    const { id, answer } = await placeAndWait(h, 'wait=true&timeout=300', controller.signal)
    await letItLook()
    controller.abort(new Error('the client gave up'))
    // The in-process fetch settles only once the handler has stopped waiting.
    await expect(answer).rejects.toThrow('the client gave up')
    expect(lines.at(-1)).toBe(`GET /v1/calls/${id} closed by the client`)
    expect((await h.requests()).at(-1)).toMatchObject({ path: `/v1/calls/${id}`, status: null })
  })

  it('frees the wait of the server on a real port', async () => {
    const lines: string[] = []
    const h = await setup({ port: 0, log: (line) => lines.push(line) })
    const placed = await h.api('POST', '/v1/calls', {
      agentId: h.seed.agents[0]?.id,
      toNumber: '+14155550123',
    })
    const { id } = placed.body as { id: string }
    const controller = new AbortController()
    const answer = fetch(`${h.sandbox.url}/v1/calls/${id}?wait=true&timeout=300`, {
      headers: { Authorization: `Bearer ${h.key}` },
      signal: controller.signal,
    })
    await expect.poll(() => lines.some((line) => line.startsWith('POST /v1/calls'))).toBe(true)
    await letItLook()
    controller.abort()
    await expect(answer).rejects.toThrow()
    // The handler logs its line when it stops: the socket's close ended the wait.
    await expect
      .poll(() => lines.at(-1), { timeout: 5_000 })
      .toBe(`GET /v1/calls/${id} closed by the client`)
    expect(h.clock.now).toBe(T0)
  })
})

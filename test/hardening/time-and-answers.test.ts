/**
 * Issue 9, items 6, 7 and 8: time is bounded (a garbage Retry-After or an X-RateLimit-Reset
 * epoch is no reason to wait; backoff is capped; the whole call ends by its deadline); a retried
 * DELETE that finds the resource gone is a success with a note; bodies that break off are
 * retried for a GET and described as what they are; answers and error texts are capped; a create
 * answered without an id is an error.
 */
import { describe, expect, it } from 'vitest'
import { executeTool } from '../../tools/index.js'
import { backoffMs, defaultDeadlineMs, retryAfterMs } from '../../tools/runtime/retry.js'
import { recordingFetch } from '../support/leaks.js'

const KEY = 'sk_live_time_answers_1'

/** A fetch answering the n-th request with the n-th answer (a Response, or an Error to throw). */
function scripted(...answers: (() => Response | Error)[]) {
  let next = 0
  return recordingFetch(() => {
    const answer = (answers[Math.min(next++, answers.length - 1)] as () => Response | Error)()
    if (answer instanceof Error) throw answer
    return answer
  })
}

const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    })
const refused = () => new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') })

/** A body that sends a first chunk, then breaks like a reset connection. */
const breaking =
  (status = 200) =>
  () =>
    new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"plan": "p'))
          setTimeout(
            () =>
              controller.error(
                new TypeError('terminated', { cause: new Error('other side closed') })
              ),
            5
          )
        },
      }),
      { status, headers: { 'Content-Type': 'application/json' } }
    )

const usage = { plan: 'pro', periodStart: '2026-11-01' }
const getUsage = (fetch: typeof globalThis.fetch, options = {}) =>
  executeTool('agentphone_get_usage', { apiKey: KEY }, { fetch, ...options })

describe('time is bounded', () => {
  it('an unreadable Retry-After is ignored: the backoff applies, and the retries fit the deadline', async () => {
    const { fetch, sent } = scripted(
      json({ detail: 'busy' }, 503, { 'Retry-After': 'soon' }),
      json({ detail: 'busy' }, 503, { 'Retry-After': 'soon' }),
      json(usage)
    )
    const result = await getUsage(fetch, { deadlineMs: 3_000 })
    expect(result).toMatchObject({ success: true, output: { plan: 'pro' } })
    expect(sent).toHaveLength(3)
  })

  it('X-RateLimit-Reset (an epoch) is not read as a delay', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3_600)
    const { fetch, sent } = scripted(
      json({ detail: 'slow down' }, 429, { 'X-RateLimit-Reset': reset }),
      json(usage)
    )
    const result = await getUsage(fetch, { deadlineMs: 3_000 })
    expect(result.success).toBe(true)
    expect(sent).toHaveLength(2)
  })

  it('a Retry-After that would outlast the deadline is not waited for', async () => {
    const { fetch, sent } = scripted(json({ detail: 'busy' }, 503, { 'Retry-After': '20' }))
    const result = await getUsage(fetch, { deadlineMs: 1_000 })
    expect(result.error).toBe('AgentPhone API error (HTTP 503): busy')
    expect(sent).toHaveLength(1)
  })

  it('retries stop at the deadline: 10 retries against a refused port make only the ones that fit', async () => {
    const { fetch, sent } = scripted(refused)
    const result = await getUsage(fetch, { retries: 10, deadlineMs: 1_500 })
    expect(result.error).toBe(
      'Could not reach AgentPhone at https://api.agentphone.ai: fetch failed: connect ECONNREFUSED'
    )
    // Attempts at 0, 300 and 900 ms; the next (after 1,200 ms more) would end past the deadline.
    expect(sent).toHaveLength(3)
  })

  it('an answer that never comes ends at the deadline, and says so', async () => {
    const fetch = ((input: Request) =>
      new Promise((_, reject) => {
        input.signal.addEventListener('abort', () => reject(input.signal.reason))
      })) as unknown as typeof globalThis.fetch
    const result = await getUsage(fetch, { timeoutMs: 60_000, deadlineMs: 200 })
    expect(result.error).toBe(
      'AgentPhone did not answer within the 200 ms deadline (https://api.agentphone.ai)'
    )
  })

  it('the deadline option is checked like the others', async () => {
    const { fetch, sent } = scripted(json(usage))
    expect((await getUsage(fetch, { deadlineMs: 0 })).error).toBe(
      'Invalid options: deadlineMs must be more than 0'
    )
    expect(sent).toEqual([])
  })

  it('Retry-After is read strictly, backoff is capped, and the default deadline adds them up', () => {
    expect(retryAfterMs('soon')).toBeUndefined()
    expect(retryAfterMs('-1')).toBeUndefined()
    expect(retryAfterMs('1.5')).toBeUndefined()
    expect(retryAfterMs('2')).toBe(2_000)
    expect(retryAfterMs('9999')).toBe(30_000)
    expect(retryAfterMs('Sun, 29 Nov 2026 17:00:10 GMT', Date.parse('2026-11-29T17:00:00Z'))).toBe(
      10_000
    )
    expect([1, 2, 3, 4, 10].map(backoffMs)).toEqual([300, 600, 1_200, 2_000, 2_000])
    expect(defaultDeadlineMs(30_000, 2)).toBe(90_900)
    expect(defaultDeadlineMs(1_000, 10)).toBe(11_000 + 300 + 600 + 1_200 + 7 * 2_000)
  })
})

describe('a retried DELETE that finds the resource gone', () => {
  it('delete_contact: the first answer lost (503), the retry answered 404: deleted, with a note', async () => {
    const { fetch, sent } = scripted(
      json({ detail: 'unavailable' }, 503),
      json({ detail: 'Contact not found' }, 404)
    )
    const result = await executeTool(
      'agentphone_delete_contact',
      { apiKey: KEY, contactId: 'ct_1' },
      { fetch, retries: 1, deadlineMs: 3_000 }
    )
    expect(result).toEqual({
      success: true,
      output: {
        id: 'ct_1',
        deleted: true,
        note: 'Already deleted: an earlier attempt went unanswered, and the retry found it gone (HTTP 404)',
      },
    })
    expect(sent.map((request) => request.method)).toEqual(['DELETE', 'DELETE'])
  })

  it('release_number: the first attempt failed on the network, the retry says "already released"', async () => {
    const { fetch } = scripted(
      refused,
      json({ detail: 'Phone number num_1 has already been released' }, 400)
    )
    const result = await executeTool(
      'agentphone_release_number',
      { apiKey: KEY, numberId: 'num_1' },
      { fetch, retries: 1, deadlineMs: 3_000 }
    )
    expect(result).toEqual({
      success: true,
      output: {
        id: 'num_1',
        released: true,
        note: 'Already deleted: an earlier attempt went unanswered, and the retry found it gone (HTTP 400)',
      },
    })
  })

  it('a 404 on the first attempt is still an error: it never existed', async () => {
    const { fetch, sent } = scripted(json({ detail: 'Contact not found' }, 404))
    const result = await executeTool(
      'agentphone_delete_contact',
      { apiKey: KEY, contactId: 'ct_1' },
      { fetch }
    )
    expect(result).toEqual({
      success: false,
      output: {},
      error: 'AgentPhone API error (HTTP 404): Contact not found',
    })
    expect(sent).toHaveLength(1)
  })
})

describe('answers that break, are huge, or lack an id', () => {
  it('a body that breaks after the headers is retried for a GET', async () => {
    const { fetch, sent } = scripted(breaking(), json(usage))
    const result = await getUsage(fetch, { retries: 1, deadlineMs: 3_000 })
    expect(result).toMatchObject({ success: true, output: { plan: 'pro' } })
    expect(sent).toHaveLength(2)
  })

  it('for a POST it is not retried, and the error says the server was reached', async () => {
    const { fetch, sent } = scripted(breaking(201))
    const result = await executeTool(
      'agentphone_send_message',
      { apiKey: KEY, agentId: 'agt_1', toNumber: '+14155551234', body: 'Hi' },
      { fetch, retries: 2 }
    )
    expect(result.error).toBe(
      "AgentPhone's answer (HTTP 201) broke off before it was complete: terminated: other side closed; the request reached AgentPhone and may have been carried out"
    )
    expect(sent).toHaveLength(1)
  })

  it('an answer larger than 10 MB is not read whole', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20)
    let chunks = 0
    const { fetch } = scripted(
      () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              if (chunks++ < 50) controller.enqueue(chunk)
              else controller.close()
            },
          }),
          { status: 200 }
        )
    )
    const result = await getUsage(fetch, { retries: 0 })
    expect(result.error).toBe(
      "AgentPhone's answer (HTTP 200) was not read: the answer is larger than 10 MB"
    )
    expect(chunks).toBeLessThan(15)
  })

  it('a Content-Length over 10 MB is refused before reading', async () => {
    const { fetch } = scripted(
      () =>
        new Response('{}', {
          status: 200,
          headers: { 'Content-Length': String(200 * 1024 * 1024) },
        })
    )
    const result = await getUsage(fetch, { retries: 0 })
    expect(result.error).toBe(
      "AgentPhone's answer (HTTP 200) was not read: the answer is larger than 10 MB"
    )
  })

  it('a 10 MB detail is cut to 1,000 characters', async () => {
    const { fetch } = scripted(json({ detail: 'x'.repeat(10_000_000) }, 400))
    const result = await getUsage(fetch)
    expect(result.error).toBe(
      `AgentPhone API error (HTTP 400): ${'x'.repeat(1_000)}… (9999000 more characters)`
    )
  })

  it.each([
    ['send_message', { agentId: 'agt_1', toNumber: '+14155551234', body: 'Hi' }],
    ['create_call', { agentId: 'agt_1', toNumber: '+14155551234' }],
  ])('a 2xx {} for %s is an error, not a success with id null', async (operation, params) => {
    const { fetch } = scripted(json({}, 201))
    const result = await executeTool(
      `agentphone_${operation}`,
      { apiKey: KEY, ...params },
      { fetch }
    )
    expect(result).toEqual({
      success: false,
      output: {},
      error:
        "AgentPhone's answer (HTTP 201) has no id for what was created; the request may have been carried out",
    })
  })
})

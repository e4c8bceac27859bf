/**
 * `npm run bench`: what executeTool adds on top of the HTTP call itself. Each case runs against
 * an in-process fetch that answers at once, so the numbers are the package's own overhead
 * (validation, request building, ky, reading and shaping the answer, redaction). Prints each
 * case's time per call and its ratio to a bare fetch + JSON.parse of the same answer.
 */
import { performance } from 'node:perf_hooks'
import { executeTool } from '../tools/index.js'

const ITERATIONS = 2_000
const WARMUP = 200
const apiKey = 'sk_bench_0123456789'

const conversation = {
  id: 'conv_1',
  agentId: 'agt_1',
  phoneNumberId: 'num_1',
  phoneNumber: '+14155550100',
  participant: '+14155550199',
  lastMessageAt: '2026-11-28T10:00:00Z',
  messageCount: 50,
  metadata: { stage: 'follow-up' },
  createdAt: '2026-11-01T10:00:00Z',
  messages: Array.from({ length: 50 }, (_, i) => ({
    id: `msg_${i}`,
    body: `Message number ${i}`,
    fromNumber: '+14155550199',
    toNumber: '+14155550100',
    direction: i % 2 ? 'inbound' : 'outbound',
    channel: 'sms',
    mediaUrl: null,
    mediaUrls: [],
    receivedAt: '2026-11-28T10:00:00Z',
  })),
}
const answers: Record<string, string> = {
  '/v1/usage/daily': JSON.stringify({ data: [], days: 0 }),
  '/v1/conversations/conv_1': JSON.stringify(conversation),
}

const answer = (async (input: RequestInfo | URL) => {
  const path = new URL(input instanceof Request ? input.url : String(input)).pathname
  return new Response(answers[path] ?? '{}', {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  })
}) as typeof fetch

async function timePerCall(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await run()
  const start = performance.now()
  for (let i = 0; i < ITERATIONS; i++) await run()
  return ((performance.now() - start) / ITERATIONS) * 1000
}

const cases: Array<[string, string, () => Promise<unknown>]> = [
  [
    'small answer (get_usage_daily)',
    '/v1/usage/daily',
    () => executeTool('agentphone_get_usage_daily', { apiKey, days: 7 }, { fetch: answer }),
  ],
  [
    'conversation with 50 messages',
    '/v1/conversations/conv_1',
    () =>
      executeTool(
        'agentphone_get_conversation',
        { apiKey, conversationId: 'conv_1' },
        { fetch: answer }
      ),
  ],
]

console.log(`executeTool overhead, ${ITERATIONS} calls each (µs per call)`)
for (const [name, path, run] of cases) {
  const bare = await timePerCall(async () => {
    const response = await answer(`https://api.agentphone.ai${path}`)
    return JSON.parse(await response.text())
  })
  const tool = await timePerCall(run)
  console.log(
    `${name.padEnd(34)} bare ${bare.toFixed(1).padStart(7)}  executeTool ${tool
      .toFixed(1)
      .padStart(7)}  ratio ${(tool / bare).toFixed(1)}x`
  )
}

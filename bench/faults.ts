/**
 * `npm run bench:faults`: the fault suite. Each fault is served by a real HTTP server on
 * 127.0.0.1 (port 0) to calls of a GET, a POST, a PATCH and a DELETE tool, several at once. For
 * each fault it prints: duplicate POSTs (a POST the server received more than once), leaks (the
 * API key found in a result in any encoding), the longest time to return as a share of the call's
 * deadline, and sockets left open with an answer the server never finished (a finished one may
 * stay open, idle, in the connection pool). All must be 0, or
 * within the deadline; the exit code says whether they were.
 */
import { once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import { executeTool } from '../tools/index.js'
import { defaultDeadlineMs } from '../tools/runtime/retry.js'

const KEY = 'sk_live_b"e\\n/ch%&<>+key'
const TIMEOUT_MS = 300
const RETRIES = 2
const DEADLINE_MS = defaultDeadlineMs(TIMEOUT_MS, RETRIES)
const CALLS_PER_TOOL = 5
/** How long a socket may take to close after its call returned. */
const SETTLE_MS = 1_000

const json = (text: string) => JSON.stringify(text).slice(1, -1)
const ENCODINGS = [
  KEY,
  json(KEY),
  json(KEY).replaceAll('/', '\\/'),
  encodeURIComponent(KEY),
  [...KEY].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
]

const HUGE_ANSWER = Buffer.from(`{"id": "x", "notes": "${'x'.repeat(11 * 1024 * 1024)}"}`)

type Serve = (request: IncomingMessage, response: ServerResponse, nth: number) => void

const stall =
  (status: number, first = '') =>
  (_: IncomingMessage, response: ServerResponse) => {
    response.writeHead(status, {
      'Content-Type': 'application/json',
      'Content-Length': '5000',
      'Retry-After': '0',
    })
    response.flushHeaders()
    if (first) response.write(first)
  }

const FAULTS: Record<string, Serve> = {
  'stalled 200 body': stall(200, '{"id": "x", '),
  'retried 503, body never sent': stall(503),
  'headers never sent': () => {},
  'reset before the headers': (request) => request.socket.destroy(),
  'body breaks after the headers': (request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' })
    response.write('{"id": "x", "plan": "')
    setTimeout(() => request.socket.destroy(), 20)
  },
  'short Content-Length': (request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' })
    response.write('{"id": "x"}')
    setTimeout(() => request.socket.end(), 20)
  },
  'Retry-After: soon': (_, response) => {
    response.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': 'soon' })
    response.end('{"detail": "slow down"}')
  },
  'X-RateLimit-Reset epoch': (_, response) => {
    const reset = String(Math.floor(Date.now() / 1000) + 3_600)
    response.writeHead(429, { 'Content-Type': 'application/json', 'X-RateLimit-Reset': reset })
    response.end('{"detail": "slow down"}')
  },
  'key echoed in every encoding': (_, response, nth) => {
    const form = ENCODINGS[nth % ENCODINGS.length] ?? KEY
    response.writeHead(nth % 2 ? 500 : 400, { 'Content-Type': 'application/json' })
    response.end(`{"error_info": "${form}", "detail": [{"loc": ["header"], "input": "${form}"}]}`)
  },
  '11 MB answer': (_, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' })
    response.end(HUGE_ANSWER)
  },
}

const CALLS: [string, Record<string, unknown>][] = [
  ['agentphone_get_usage', {}],
  ['agentphone_send_message', { agentId: 'agt_1', toNumber: '+14155551234', body: 'Hi' }],
  ['agentphone_update_contact', { contactId: 'ct_1', name: 'Jane' }],
  ['agentphone_delete_contact', { contactId: 'ct_1' }],
]

interface Figures {
  calls: number
  duplicatePosts: number
  leaks: number
  longestMs: number
  openSockets: number
}

/**
 * Fewer calls at once for the 11 MB answer: 20 of them move 220 MB through one process, and a
 * timer cannot fire while the event loop is busy copying.
 */
const callsPerTool = (fault: string) => (fault === '11 MB answer' ? 1 : CALLS_PER_TOOL)

async function runFault(name: string, serve: Serve): Promise<Figures> {
  /** Sockets that carried a request whose answer the server had not finished. */
  const unfinished = new Set<Socket>()
  const used = new Set<Socket>()
  const postsByCall = new Map<string, number>()
  let nth = 0
  const server = createServer((request, response) => {
    used.add(request.socket)
    unfinished.add(request.socket)
    response.on('finish', () => unfinished.delete(request.socket))
    if (request.method === 'POST') {
      const call = String(request.headers['content-length'])
      postsByCall.set(call, (postsByCall.get(call) ?? 0) + 1)
    }
    serve(request, response, nth++)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`

  const results = await Promise.all(
    CALLS.flatMap(([toolId, params]) =>
      Array.from({ length: callsPerTool(name) }, async (_, i) => {
        // Each POST gets a body of its own length, so the server can tell them apart.
        const call = toolId.endsWith('send_message')
          ? { ...params, body: `Hi ${'!'.repeat(i)}` }
          : params
        const started = performance.now()
        const result = await executeTool(
          toolId,
          { apiKey: KEY, ...call },
          {
            baseUrl,
            timeoutMs: TIMEOUT_MS,
            retries: RETRIES,
          }
        )
        return { result, ms: performance.now() - started }
      })
    )
  )

  // A socket whose answer was finished may stay open, idle, for reuse (keep-alive): that is the
  // connection pool at work. One whose answer was never finished must have been closed.
  const left = () => [...unfinished].filter((socket) => !socket.destroyed).length
  for (let waited = 0; left() > 0 && waited < SETTLE_MS; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  const openSockets = left()
  server.closeAllConnections()
  server.close()

  const leaks = results.filter(({ result }) => {
    const text = JSON.stringify(result)
    return ENCODINGS.some((form) => text.includes(form) || (result.error ?? '').includes(form))
  }).length
  const figures = {
    calls: results.length,
    duplicatePosts: [...postsByCall.values()].filter((count) => count > 1).length,
    leaks,
    longestMs: Math.max(...results.map(({ ms }) => ms)),
    openSockets,
  }
  const ratio = (figures.longestMs / DEADLINE_MS).toFixed(2)
  console.log(
    `${name.padEnd(32)} ${String(figures.calls).padStart(5)} ${String(figures.duplicatePosts).padStart(10)} ${String(figures.leaks).padStart(6)} ${figures.longestMs.toFixed(0).padStart(9)} ms (${ratio} of the deadline) ${String(figures.openSockets).padStart(6)}`
  )
  return figures
}

console.log(
  `Fault suite: ${CALLS.length} tools × ${CALLS_PER_TOOL} calls per fault (1 for the 11 MB answer), timeoutMs ${TIMEOUT_MS}, retries ${RETRIES}, deadline ${DEADLINE_MS} ms\n`
)
console.log(
  `${'fault'.padEnd(32)} calls dup. POSTs  leaks   longest to return                 open sockets`
)
const all: Figures[] = []
for (const [name, serve] of Object.entries(FAULTS)) all.push(await runFault(name, serve))

const total = {
  calls: all.reduce((sum, f) => sum + f.calls, 0),
  duplicatePosts: all.reduce((sum, f) => sum + f.duplicatePosts, 0),
  leaks: all.reduce((sum, f) => sum + f.leaks, 0),
  longestMs: Math.max(...all.map((f) => f.longestMs)),
  openSockets: all.reduce((sum, f) => sum + f.openSockets, 0),
}
const withinDeadline = total.longestMs <= DEADLINE_MS
console.log(`
calls: ${total.calls}
duplicate POSTs: ${total.duplicatePosts}
leaks: ${total.leaks}
longest time to return: ${total.longestMs.toFixed(0)} ms of a ${DEADLINE_MS} ms deadline (${(total.longestMs / DEADLINE_MS).toFixed(2)})
open sockets: ${total.openSockets}`)
const ok =
  total.duplicatePosts === 0 && total.leaks === 0 && total.openSockets === 0 && withinDeadline
console.log(ok ? '\nAll 0, and within the deadline.' : '\nFAILED: see the figures above.')
process.exitCode = ok ? 0 : 1

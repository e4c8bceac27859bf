/**
 * `npm run bench`: what executeTool adds on top of the HTTP call itself, as the ratio of
 * `executeTool` to a bare `fetch` + `JSON.parse` of the same answer, for three answers (small, a
 * conversation with 50 messages, 100 contacts):
 *   - over loopback HTTP, against a local server on 127.0.0.1 (port 0);
 *   - in process, with a fetch that answers at once (the package's own overhead alone).
 * The machine may be shared and busy: each figure is the median of rounds in which the two sides
 * take turns call by call, and a ratio is taken within a round, never across.
 * Then the HTTP client alone (ky against the fetch executeTool uses), and a fresh process's import
 * time of `tools/index.ts` with the packages it loads.
 *
 * `BENCH_ROUNDS` and `BENCH_BATCH` (calls per round and side) change the run's length.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import ky from 'ky'
import { executeTool } from '../tools/index.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21)
const BATCH = Number(process.env.BENCH_BATCH ?? 200)
const apiKey = 'sk_bench_0123456789'
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

const message = (i: number) => ({
  id: `msg_${i}`,
  body: `Message number ${i}`,
  fromNumber: '+14155550199',
  toNumber: '+14155550100',
  direction: i % 2 ? 'inbound' : 'outbound',
  channel: 'sms',
  mediaUrl: null,
  mediaUrls: [],
  receivedAt: '2026-11-28T10:00:00Z',
})
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
  messages: Array.from({ length: 50 }, (_, i) => message(i)),
}
const contact = (i: number) => ({
  id: `ct_${i}`,
  phoneNumber: `+1415555${String(i).padStart(4, '0')}`,
  name: `Contact ${i}`,
  email: `contact${i}@example.com`,
  notes: i % 3 ? null : 'Prefers texts',
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-02T10:00:00Z',
})
const contacts = {
  data: Array.from({ length: 100 }, (_, i) => contact(i)),
  hasMore: false,
  total: 100,
}

interface Case {
  name: string
  path: string
  body: string
  tool: string
  params: Record<string, unknown>
}

const CASES: Case[] = [
  {
    name: 'small answer (get_usage_daily)',
    path: '/v1/usage/daily?days=7',
    body: JSON.stringify({ data: [], days: 0 }),
    tool: 'agentphone_get_usage_daily',
    params: { apiKey, days: 7 },
  },
  {
    name: 'conversation with 50 messages',
    path: '/v1/conversations/conv_1',
    body: JSON.stringify(conversation),
    tool: 'agentphone_get_conversation',
    params: { apiKey, conversationId: 'conv_1' },
  },
  {
    name: '100 contacts',
    path: '/v1/contacts',
    body: JSON.stringify(contacts),
    tool: 'agentphone_list_contacts',
    params: { apiKey },
  },
]
const bodies = new Map(CASES.map(({ path, body }) => [new URL(path, 'http://x').pathname, body]))
const headers = { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' }

const server = createServer((request, response) => {
  const body = bodies.get(new URL(request.url ?? '/', 'http://x').pathname) ?? '{}'
  response.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  })
  response.end(body)
})
// Idle sockets stay open between rounds: a busy machine can pause longer than the default 5 s.
server.keepAliveTimeout = 120_000
server.listen(0, '127.0.0.1')
await new Promise((done) => server.once('listening', done))
const loopback = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

const inProcessFetch = (async (input: RequestInfo | URL) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
  return new Response(bodies.get(new URL(url).pathname) ?? '{}', {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  })
}) as typeof fetch

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/**
 * Medians over rounds: per-call µs of each side, and the per-round ratio b / a. Within a round the
 * two sides take turns call by call (which goes first alternating too), so a change in the
 * machine's load reaches both alike.
 */
async function compare(a: () => Promise<unknown>, b: () => Promise<unknown>) {
  for (let i = 0; i < BATCH; i++) {
    await a()
    await b()
  }
  const times: [number[], number[], number[]] = [[], [], []]
  for (let round = 0; round < ROUNDS; round++) {
    let ta = 0
    let tb = 0
    for (let i = 0; i < BATCH; i++) {
      const aFirst = (round + i) % 2 === 0
      const start = performance.now()
      await (aFirst ? a() : b())
      const middle = performance.now()
      await (aFirst ? b() : a())
      const end = performance.now()
      ta += aFirst ? middle - start : end - middle
      tb += aFirst ? end - middle : middle - start
    }
    times[0].push((ta / BATCH) * 1000)
    times[1].push((tb / BATCH) * 1000)
    times[2].push(tb / ta)
  }
  return { a: median(times[0]), b: median(times[1]), ratio: median(times[2]) }
}

const expectSuccess = async (result: Promise<{ success: boolean; error?: string }>) => {
  const { success, error } = await result
  if (!success) throw new Error(`executeTool failed in the bench: ${error}`)
}

const row = (name: string, a: string, ta: number, b: string, tb: number, ratio: number) =>
  `${name.padEnd(32)} ${a} ${ta.toFixed(1).padStart(7)} µs  ${b} ${tb.toFixed(1).padStart(7)} µs  ratio ${ratio.toFixed(2)}x`

console.log(
  `executeTool / (fetch + JSON.parse), medians of ${ROUNDS} interleaved rounds of ${BATCH} calls`
)
for (const [where, baseUrl, fetcher] of [
  ['loopback HTTP', loopback, fetch],
  ['in process', 'http://in-process.test', inProcessFetch],
] as const) {
  console.log(`\n${where}`)
  for (const { name, path, tool, params } of CASES) {
    const url = `${baseUrl}${path}`
    const { a, b, ratio } = await compare(
      async () => JSON.parse(await (await fetcher(url, { headers })).text()),
      () =>
        expectSuccess(
          executeTool(tool, params, { baseUrl, ...(fetcher === fetch ? {} : { fetch: fetcher }) })
        )
    )
    console.log(row(name, 'bare', a, 'executeTool', b, ratio))
  }
}

// The HTTP client alone, over loopback: one request and its text, as executeTool sends it.
console.log('\nHTTP client alone over loopback (one GET and its text), ky against fetch')
const api = ky.create({ retry: 0, throwHttpErrors: false, timeout: 30_000 })
for (const { name, path } of CASES) {
  const url = `${loopback}${path}`
  const { a, b, ratio } = await compare(
    async () => (await fetch(url, { method: 'GET', headers })).text(),
    async () => (await api(url, { method: 'GET', headers })).text()
  )
  console.log(row(name, 'fetch', a, 'ky', b, ratio))
}
server.close()

// A fresh process's import of tools/index.ts (under tsx, as the project runs), and what it loads.
const child = `const t = performance.now(); import(${JSON.stringify(join(root, 'tools/index.ts'))}).then(() => console.log(performance.now() - t))`
const importTimes = Array.from({ length: 5 }, () => {
  const { stdout, status, stderr } = spawnSync(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), '--eval', child],
    { cwd: root, encoding: 'utf8' }
  )
  if (status !== 0) throw new Error(`import failed: ${stderr}`)
  return Number(stdout.trim())
})
console.log(
  `\nimport of tools/index.ts in a fresh process: ${median(importTimes).toFixed(1)} ms (median of 5)`
)
console.log(
  `packages it imports: ${[...packagesImported(join(root, 'tools/index.ts'))].sort().join(', ')}`
)

/** The npm packages reachable from a module through its static imports (our `@/` aliases followed). */
function packagesImported(entry: string): Set<string> {
  const packages = new Set<string>()
  const seen = new Set<string>()
  const moduleFile = (path: string) =>
    [`${path.replace(/\.js$/, '')}.ts`, join(path, 'index.ts')].find((file) => existsSync(file)) ??
    path
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const source = readFileSync(file, 'utf8')
    const statements = source.matchAll(/^(?:import|export)(\s+type\b)?[^'"]*?from\s+'([^']+)'/gm)
    for (const [, typeOnly, specifier = ''] of statements) {
      if (typeOnly) continue
      if (specifier.startsWith('@/')) visit(moduleFile(join(root, specifier.slice(2))))
      else if (specifier.startsWith('.')) visit(moduleFile(resolve(dirname(file), specifier)))
      else if (!specifier.startsWith('node:')) packages.add(specifier.split('/')[0] ?? specifier)
    }
  }
  visit(entry)
  return packages
}

/**
 * `npm run bench:workflow`: the workflow engine's overhead. A workflow of N chained AgentPhone
 * blocks (each reading the one before it through a reference) against N direct `executeTool`
 * calls doing the same requests, both on the in-process sandbox, for N = 1, 10 and 100. Prints
 * the time of each and their ratio, and the engine's cost per block.
 */
import { performance } from 'node:perf_hooks'
import { AgentPhoneBlock } from '../blocks/index.js'
import { startSandbox } from '../sandbox/index.js'
import { executeTool } from '../tools/index.js'
import { runWorkflow, type WorkflowFile } from '../workflow/index.js'

const apiKey = 'sk_sandbox_bench_workflow'
const sandbox = await startSandbox()
const execute = { baseUrl: sandbox.url, fetch: sandbox.fetch }
const typeOf = (id: string) =>
  AgentPhoneBlock.subBlocks.find((s) => s.id === id)?.type ?? 'short-input'

/** Start → AgentPhone 1 → … → AgentPhone N; block k lists `<agentphone(k-1).total>` numbers. */
function chainOf(n: number): WorkflowFile {
  const blocks: WorkflowFile['state']['blocks'] = {
    start: {
      id: 'start',
      type: 'start_trigger',
      name: 'Start',
      position: { x: 0, y: 0 },
      subBlocks: { inputFormat: { id: 'inputFormat', type: 'input-format', value: [] } },
      outputs: {},
      enabled: true,
    },
  }
  const edges: WorkflowFile['state']['edges'] = []
  let previous = 'start'
  for (let k = 1; k <= n; k++) {
    const fields: Record<string, unknown> = {
      operation: 'list_numbers',
      apiKey: '{{AGENTPHONE_API_KEY}}',
      limit: k === 1 ? '2' : `<agentphone${k - 1}.total>`,
    }
    blocks[`b${k}`] = {
      id: `b${k}`,
      type: 'agentphone',
      name: `AgentPhone ${k}`,
      position: { x: k * 300, y: 0 },
      subBlocks: Object.fromEntries(
        Object.entries(fields).map(([id, value]) => [id, { id, type: typeOf(id), value }])
      ),
      outputs: {},
      enabled: true,
    }
    edges.push({ id: `e${k}`, source: previous, target: `b${k}` })
    previous = `b${k}`
  }
  return {
    version: '1.0',
    exportedAt: new Date(0).toISOString(),
    state: { blocks, edges, loops: {}, parallels: {} },
  }
}

async function direct(n: number) {
  let limit = 2
  for (let k = 0; k < n; k++) {
    const result = await executeTool('agentphone_list_numbers', { apiKey, limit }, execute)
    if (!result.success) throw new Error(result.error)
    limit = result.output.total as number
  }
}

async function viaWorkflow(workflow: WorkflowFile) {
  const result = await runWorkflow(workflow, { env: { AGENTPHONE_API_KEY: apiKey }, ...execute })
  if (!result.success) throw new Error(result.error)
}

const medianOf = (times: number[]) =>
  [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number

async function timed(run: () => Promise<void>) {
  const start = performance.now()
  await run()
  return performance.now() - start
}

/**
 * Median times (ms) of both ways, measured in alternation so that whatever else the machine is
 * doing weighs on both alike.
 */
async function compare(n: number, rounds: number, warmup: number) {
  const workflow = chainOf(n)
  const directTimes: number[] = []
  const workflowTimes: number[] = []
  for (let i = 0; i < warmup + rounds; i++) {
    const d = await timed(() => direct(n))
    const w = await timed(() => viaWorkflow(workflow))
    if (i >= warmup) {
      directTimes.push(d)
      workflowTimes.push(w)
    }
  }
  return { directMs: medianOf(directTimes), workflowMs: medianOf(workflowTimes) }
}

console.log(
  'Workflow of N chained AgentPhone blocks vs N direct executeTool calls (in-process sandbox)'
)
console.log('     N   direct ms   workflow ms   ratio   engine ms per block')
for (const n of [1, 10, 100]) {
  const rounds = n === 100 ? 21 : 101
  const warmup = n === 100 ? 3 : 10
  const { directMs, workflowMs } = await compare(n, rounds, warmup)
  const perBlock = (workflowMs - directMs) / n
  console.log(
    `${String(n).padStart(6)}${directMs.toFixed(2).padStart(12)}${workflowMs.toFixed(2).padStart(14)}${(workflowMs / directMs).toFixed(2).padStart(8)}${perBlock.toFixed(3).padStart(22)}`
  )
}
await sandbox.close()

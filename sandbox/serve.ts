/**
 * Running the sandbox from a terminal: parse `--port`/`--data`/`--host`, start it, print where it
 * is and how to use it, stop cleanly on SIGINT/SIGTERM. Used by `npm run sandbox` and `npm start`.
 */
import { parseArgs } from 'node:util'
import { executeTool } from '../tools/index.js'
import { DataFileError, DEMO_KEY, type Sandbox, startSandbox } from './index.js'

const USAGE = `Usage: npm run sandbox -- [--port 4010] [--data FILE] [--host 127.0.0.1] [--quiet]
  --port   port to listen on (0 picks a free one; default 4010)
  --data   load state from FILE at start and save it after every change
  --host   interface to listen on (default 127.0.0.1)
  --quiet  do not print a line per request`

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`)
  process.exit(2)
}

function readArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '4010' },
        data: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values
  } catch (error) {
    return fail((error as Error).message)
  }
}

function parse(argv: string[]) {
  const values = readArgs(argv)
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const port = Number(values.port)
  if (!/^\d+$/.test(values.port) || port > 65_535) {
    fail(`--port must be 0–65535, got "${values.port}"`)
  }
  return { port, dataFile: values.data, hostname: values.host, quiet: values.quiet }
}

/** Ready-to-paste commands with the demo account's real IDs (read through the tools themselves). */
async function printExamples(sandbox: Sandbox) {
  const env = `AGENTPHONE_BASE_URL=${sandbox.url} AGENTPHONE_API_KEY=${DEMO_KEY}`
  const numbers = await executeTool(
    'agentphone_list_numbers',
    { apiKey: DEMO_KEY },
    { baseUrl: sandbox.url, fetch: sandbox.fetch }
  )
  const first = (numbers.output.data as { agentId: string | null }[] | undefined)?.[0]
  const agentId = first?.agentId ?? 'agt_…'
  const send = JSON.stringify({ agentId, toNumber: '+14155550124', body: 'Hello from the sandbox' })
  const call = JSON.stringify({ agentId, toNumber: '+14155550124', initialGreeting: 'Hi there!' })
  console.log(`
Call a tool against it (any of the 22 operations; params as JSON):
  ${env} npx tsx scripts/call.ts list_numbers
  ${env} npx tsx scripts/call.ts send_message '${send}'
  ${env} npx tsx scripts/call.ts create_call '${call}'
Or plain HTTP:
  curl -s -H 'Authorization: Bearer ${DEMO_KEY}' ${sandbox.url}/v1/conversations
`)
}

export async function runSandbox(argv: string[], { examples = false } = {}) {
  const { port, dataFile, hostname, quiet } = parse(argv)
  let announced = false
  const sandbox = await startSandbox({
    port,
    hostname,
    ...(dataFile ? { dataFile } : {}),
    log: (line) => {
      if (announced && !quiet) console.log(`  ${line}`)
    },
  }).catch((error: NodeJS.ErrnoException) => {
    // The arguments were fine: the file is the problem, so no usage text.
    if (error instanceof DataFileError) {
      console.error(error.message)
      process.exit(2)
    }
    return fail(
      error.code === 'EADDRINUSE'
        ? `Port ${port} is in use: pick another with --port (0 picks a free one)`
        : `Could not start the sandbox: ${error.message}`
    )
  })

  console.log(`AgentPhone sandbox listening on ${sandbox.url}${dataFile ? ` (state in ${dataFile})` : ''}
Demo API key: ${DEMO_KEY}  (any key starting with sk_sandbox_ is its own seeded account)
Point the tools at it: AGENTPHONE_BASE_URL=${sandbox.url}`)
  if (examples) await printExamples(sandbox)
  console.log('Press Ctrl+C to stop.')
  announced = true

  const stop = (signal: string) => {
    console.log(`\n${signal}: stopping the sandbox`)
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

/**
 * `npm start`: the workflow server on one port — the editor at `/`, the workflow API under `/api`,
 * the AgentPhone sandbox under `/agentphone` — with ready-to-paste commands.
 */
import { parseArgs } from 'node:util'
import { DEMO_KEY } from '../sandbox/index.js'
import { DEFAULT_PORT, startServer } from '../server/index.js'
import { ensureEditorBuilt } from './build-editor.js'

const USAGE = `Usage: npm start -- [--port ${DEFAULT_PORT}] [--host 127.0.0.1] [--workflows DIR] [--data FILE]
  --port       port to listen on (0 picks a free one; default ${DEFAULT_PORT})
  --host       interface to listen on (default 127.0.0.1)
  --workflows  folder the workflows are saved in (default ./workflows)
  --data       keep the sandbox's state in FILE (loaded at start, saved after every change)`

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`)
  process.exit(2)
}

function readArgs() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      options: {
        port: { type: 'string', default: String(DEFAULT_PORT) },
        host: { type: 'string', default: '127.0.0.1' },
        workflows: { type: 'string', default: 'workflows' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values
  } catch (error) {
    return fail((error as Error).message)
  }
}

const args = readArgs()
if (args.help) {
  console.log(USAGE)
  process.exit(0)
}
const port = Number(args.port)
if (!/^\d+$/.test(args.port) || port > 65_535) fail(`--port must be 0–65535, got "${args.port}"`)

// The editor is built on first start and again whenever its sources change; a failed build leaves
// the server up, showing at `/` how to build it.
await ensureEditorBuilt({ log: console.log }).catch((error: Error) =>
  console.error(`Could not build the editor: ${error.message}`)
)

const server = await startServer({
  port,
  host: args.host,
  workflowsDir: args.workflows,
  ...(args.data ? { sandboxDataFile: args.data } : {}),
}).catch((error: NodeJS.ErrnoException) =>
  fail(
    error.code === 'EADDRINUSE'
      ? `Port ${port} is in use: pick another with --port (0 picks a free one)`
      : `Could not start the server: ${error.message}`
  )
)

const realApi = process.env.AGENTPHONE_BASE_URL
console.log(`AgentPhone workflow server on ${server.url}
  Editor:       ${server.url}/
  Workflow API: ${server.url}/api/workflows  (saved in ${args.workflows}/)
  Sandbox:      ${server.sandboxUrl}  (demo API key ${DEMO_KEY}; e.g. ${server.sandboxUrl}/v1/numbers)
Runs use ${realApi ? `the AgentPhone API at ${realApi} (AGENTPHONE_BASE_URL)` : 'the sandbox'}; set AGENTPHONE_API_KEY in the editor's environment panel.

Run an example from a terminal:
  npm run workflow -- run examples/text-customer.json --input '{"toNumber": "+14155550123"}'
Against this server's sandbox:
  AGENTPHONE_BASE_URL=${server.sandboxUrl} AGENTPHONE_API_KEY=${DEMO_KEY} npm run workflow -- run examples/call-transcript.json
Press Ctrl+C to stop.`)

const stop = (signal: string) => {
  console.log(`\n${signal}: stopping`)
  server.close().then(
    () => process.exit(0),
    () => process.exit(1)
  )
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)

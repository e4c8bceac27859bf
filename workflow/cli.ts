/**
 * `npm run workflow -- run FILE [--input JSON] [--env-file FILE]`: runs a Sim-format workflow.
 * One line per block goes to stderr as it finishes; the run result goes to stdout as JSON; the
 * exit code is 0 on success and 1 otherwise. Without an AGENTPHONE_API_KEY the run uses the
 * embedded sandbox and its demo key.
 */
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { DEMO_KEY, startSandbox } from '../sandbox/index.js'
import { parseEnvFile } from './env-file.js'
import { type BlockRecord, loadWorkflow, type RunOptions, runWorkflow } from './index.js'
import { tokensOf } from './references.js'

const USAGE = `Usage: npm run workflow -- run FILE [--input JSON] [--env-file FILE]
  FILE        a workflow exported from Sim (or saved by the editor)
  --input     the run input as JSON, e.g. '{"toNumber": "+14155550123"}'
  --env-file  NAME=value lines for {{NAME}} references (the process environment is read too)
Without AGENTPHONE_API_KEY the run uses the embedded AgentPhone sandbox.`

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`)
  process.exit(1)
}

function readArgs() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        input: { type: 'string' },
        'env-file': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    return fail((error as Error).message)
  }
}

const SYMBOLS = { success: '✓', error: '✗', skipped: '-' } as const

function progressLine(record: BlockRecord): string {
  const head = `${SYMBOLS[record.status]} ${record.name} (${record.type})`
  if (record.status === 'skipped') return `${head} skipped: ${record.reason}`
  const time = `${Math.round(record.durationMs)} ms`
  return record.status === 'error'
    ? `${head} error in ${time}: ${record.error}`
    : `${head} ${record.status} in ${time}`
}

/** The `{{NAME}}` names the workflow uses (read from the process environment when set there). */
function envNamesIn(value: unknown): string[] {
  if (typeof value === 'string') {
    return tokensOf(value).flatMap((token) => (token.kind === 'env' ? [token.name] : []))
  }
  if (Array.isArray(value)) return value.flatMap(envNamesIn)
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(envNamesIn)
  return []
}

async function main() {
  const { values, positionals } = readArgs()
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const [command, file, ...extra] = positionals
  if (command !== 'run' || !file || extra.length > 0) fail('Expected: run FILE')

  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    return fail(`Cannot read ${file}: ${(error as Error).message}`)
  }
  const loaded = loadWorkflow(text)
  if (!loaded.ok) {
    process.stderr.write(`${file}: ${loaded.error}\n`)
    return 1
  }

  let input: unknown
  if (values.input !== undefined) {
    try {
      input = JSON.parse(values.input)
    } catch (error) {
      fail(`--input is not valid JSON: ${(error as Error).message}`)
    }
  }

  let fileEnv: Record<string, string> = {}
  if (values['env-file'] !== undefined) {
    try {
      fileEnv = parseEnvFile(await readFile(values['env-file'], 'utf8'))
    } catch (error) {
      fail(`--env-file ${values['env-file']}: ${(error as Error).message}`)
    }
  }
  const names = new Set([...envNamesIn(loaded.workflow.state.blocks), 'AGENTPHONE_API_KEY'])
  const env: Record<string, string> = {}
  for (const name of names) {
    const value = process.env[name]
    if (value !== undefined) env[name] = value
  }
  Object.assign(env, fileEnv)

  const options: RunOptions = { input, env }
  const baseUrl = fileEnv.AGENTPHONE_BASE_URL ?? process.env.AGENTPHONE_BASE_URL
  if (baseUrl) options.baseUrl = baseUrl
  let closeSandbox = async () => {}
  if (!env.AGENTPHONE_API_KEY) {
    const sandbox = await startSandbox()
    closeSandbox = sandbox.close
    Object.assign(options, { baseUrl: sandbox.url, fetch: sandbox.fetch })
    env.AGENTPHONE_API_KEY = DEMO_KEY
    process.stderr.write(
      'No AGENTPHONE_API_KEY set: running against the embedded AgentPhone sandbox with its demo key.\n'
    )
  }

  const controller = new AbortController()
  const cancel = () => {
    process.stderr.write('Cancelling the run…\n')
    controller.abort()
  }
  process.once('SIGINT', cancel)
  process.once('SIGTERM', cancel)
  const result = await runWorkflow(loaded.workflow, {
    ...options,
    signal: controller.signal,
    onEvent: (event) => {
      if (event.type === 'block-finished') process.stderr.write(`${progressLine(event.data)}\n`)
    },
  })
  await closeSandbox()
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  if (!result.success) process.stderr.write(`Run failed: ${result.error}\n`)
  return result.success ? 0 : 1
}

process.exitCode = await main()

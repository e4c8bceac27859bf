/** `npm run workflow -- run FILE …`, spawned as a user would run it. */
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../sandbox/index.js'
import { newKey } from '../sandbox/harness.js'
import { tempDir } from '../support/temp-dir.js'
import { agentphone, chain, start, workflow } from './build.js'

const sandboxes: Sandbox[] = []
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close()))
})

/** Runs the CLI to its end, without any AGENTPHONE_* from this process's environment. */
function cli(args: string[], env: Record<string, string> = {}) {
  const cleanEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AGENTPHONE_'))
  )
  const child = spawn(process.execPath, ['--import', 'tsx', 'workflow/cli.ts', ...args], {
    cwd: new URL('../..', import.meta.url),
    env: { ...cleanEnv, ...env },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  )
}

describe('npm run workflow -- run', () => {
  it('without a key, runs an example on the embedded sandbox: progress on stderr, result on stdout', async () => {
    const { code, stdout, stderr } = await cli([
      'run',
      'examples/text-customer.json',
      '--input',
      '{"toNumber": "+14155550166", "message": "From the CLI"}',
    ])
    expect(code).toBe(0)
    const result = JSON.parse(stdout)
    expect(result).toMatchObject({
      success: true,
      output: { data: { status: 'sent', to: '+14155550166' }, status: 200 },
    })
    const lines = stderr.trim().split('\n')
    expect(lines[0]).toBe(
      'No AGENTPHONE_API_KEY set: running against the embedded AgentPhone sandbox with its demo key.'
    )
    expect(lines.slice(1).map((line) => line.replace(/\d+ ms$/, 'N ms'))).toEqual([
      '✓ Start (start_trigger) success in N ms',
      '✓ AgentPhone 1 (agentphone) success in N ms',
      '✓ AgentPhone 2 (agentphone) success in N ms',
      '✓ Response (response) success in N ms',
    ])
    expect(stdout + stderr).not.toContain('sk_sandbox_demo')
  })

  it('reads the key and base URL from --env-file, never printing the key; a failure exits 1', async () => {
    const sandbox = await startSandbox({ port: 0 })
    sandboxes.push(sandbox)
    const key = newKey()
    const dir = tempDir('workflow-cli-')
    const envFile = join(dir, '.env')
    writeFileSync(
      envFile,
      `# for the test\nexport AGENTPHONE_API_KEY="${key}"\nAGENTPHONE_BASE_URL=${sandbox.url}\n`
    )
    const s = start()
    const usage = agentphone('Usage', 'get_usage')
    const missing = agentphone('Missing', 'get_contact', { contactId: 'ct_nope' })
    const file = join(dir, 'flow.json')
    writeFileSync(file, JSON.stringify(workflow([s, usage, missing], chain(s, usage, missing))))

    const { code, stdout, stderr } = await cli(['run', file, '--env-file', envFile])
    expect(code).toBe(1)
    const result = JSON.parse(stdout)
    expect(result.success).toBe(false)
    expect(result.blocks.map((b: { status: string }) => b.status)).toEqual([
      'success',
      'success',
      'error',
    ])
    expect(stderr).not.toContain('embedded AgentPhone sandbox')
    expect(stderr).toMatch(
      /^✗ Missing \(agentphone\) error in \d+ ms: AgentPhone API error \(HTTP 404/m
    )
    expect(stderr).toContain(`Run failed: Block "Missing" failed:`)
    expect(stdout + stderr).not.toContain(key)
  })

  it('refuses an invalid workflow, bad --input and a missing file with exit 1 and a clear message', async () => {
    const dir = tempDir('workflow-cli-')
    const bad = join(dir, 'bad.json')
    writeFileSync(
      bad,
      JSON.stringify({
        version: '1.0',
        exportedAt: 'now',
        state: {
          blocks: {},
          edges: [{ id: 'e', source: 'a', target: 'b' }],
          loops: {},
          parallels: {},
        },
      })
    )
    const invalid = await cli(['run', bad])
    expect(invalid).toMatchObject({ code: 1, stdout: '' })
    expect(invalid.stderr).toBe(`${bad}: Edge "e" starts at block "a", which does not exist\n`)

    const badInput = await cli(['run', 'examples/text-customer.json', '--input', '{nope'])
    expect(badInput.code).toBe(1)
    expect(badInput.stderr).toMatch(/^--input is not valid JSON: /)

    const absent = await cli(['run', join(dir, 'absent.json')])
    expect(absent.code).toBe(1)
    expect(absent.stderr).toMatch(/^Cannot read .*absent\.json: ENOENT/)
  })
})

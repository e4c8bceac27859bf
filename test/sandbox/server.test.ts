/** The sandbox over a real port (loopback only), as `npm run sandbox` serves it. */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type Sandbox, type SandboxOptions, startSandbox } from '../../sandbox/index.js'
import { executeTool } from '../../tools/index.js'
import { newKey } from './harness.js'

// Whatever a test does or fails, nothing it started outlives it.
const sandboxes: Sandbox[] = []
const children: ChildProcessWithoutNullStreams[] = []
const dirs: string[] = []
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close()))
  await Promise.all(children.splice(0).map(stop))
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function listening(options: Omit<SandboxOptions, 'port'> = {}) {
  const sandbox = await startSandbox({ ...options, port: 0 })
  sandboxes.push(sandbox)
  const key = newKey()
  const { url } = sandbox
  const run = (operation: string, params = {}, options = {}) =>
    executeTool(`agentphone_${operation}`, { apiKey: key, ...params }, { baseUrl: url, ...options })
  const api = (method: string, path: string, body?: unknown, init: RequestInit = {}) =>
    fetch(`${url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...init,
    })
  return { sandbox, url, run, api }
}

/** `npm run sandbox -- …args` as a child process, with what it prints and how it ends. */
function cli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', ...args], {
    cwd: new URL('../..', import.meta.url),
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  children.push(child)
  const printed = { stdout: '', stderr: '' }
  child.stdout.on('data', (chunk: Buffer) => {
    printed.stdout += chunk.toString()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    printed.stderr += chunk.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { child, printed, exited }
}

/** Ends a child that is still running, and waits until it has. */
async function stop(child: ChildProcessWithoutNullStreams) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

describe('over HTTP', () => {
  it('listens on a free port and serves the tools', async () => {
    const { url, run } = await listening()
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const numbers = await run('list_numbers')
    expect(numbers.output).toMatchObject({ total: 2 })
    const agentId = (numbers.output.data as { agentId: string }[])[0]?.agentId
    const sent = await run('send_message', {
      agentId,
      toNumber: '+14155550101',
      body: 'Over the wire',
    })
    expect(sent.output).toMatchObject({ channel: 'sms', status: 'sent' })
    const deleted = await run('delete_contact', {
      contactId: ((await run('list_contacts')).output.data as { id: string }[])[0]?.id,
    })
    expect(deleted.output.deleted).toBe(true)
  })

  it('drops the connection on a fault: a clear error, a POST sent once, the server still up', async () => {
    const { url, run, api } = await listening()
    expect((await api('POST', '/sandbox/faults', { kind: 'drop', times: 2 })).status).toBe(201)
    const get = await run('get_usage', {}, { retries: 0 })
    expect(get.success).toBe(false)
    expect(get.error).toMatch(
      new RegExp(
        `^Could not reach AgentPhone at ${url}: fetch failed: (other side closed|socket hang up)`
      )
    )
    const post = await run('create_contact', { phoneNumber: '+14155550111', name: 'Once' })
    expect(post.success).toBe(false)
    const log = (await (await api('GET', '/sandbox/requests')).json()) as {
      data: { method: string; status: null }[]
    }
    expect(log.data.map((r) => [r.method, r.status])).toEqual([
      ['GET', null],
      ['POST', null],
    ])
    expect((await run('get_usage')).success).toBe(true)
  })

  it('serves an HTML 502 with Retry-After as a gateway would', async () => {
    const { api } = await listening()
    await api('POST', '/sandbox/faults', {
      kind: 'status',
      status: 502,
      body: 'html',
      retryAfter: 7,
    })
    const response = await api('GET', '/v1/numbers')
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(response.headers.get('retry-after')).toBe('7')
    expect(await response.text()).toContain('<h1>502 Bad Gateway</h1>')
  })

  it('a client that hangs up during a delay: logged as closed, status null, no error', async () => {
    const lines: string[] = []
    const { api } = await listening({ log: (line) => lines.push(line) })
    const fault = (await (
      await api('POST', '/sandbox/faults', { kind: 'delay', delayMs: 60_000, path: '/v1/usage' })
    ).json()) as { id: string }
    const requests = async () =>
      ((await (await api('GET', '/sandbox/requests')).json()) as { data: unknown[] }).data
    const controller = new AbortController()
    const held = api('GET', '/v1/usage', undefined, { signal: controller.signal })
    // Hang up only once the sandbox holds the request back.
    await vi.waitFor(async () => expect(await requests()).toHaveLength(1))
    controller.abort()
    await expect(held).rejects.toThrow(/aborted/)
    await vi.waitFor(() => expect(lines).toHaveLength(1))
    expect(lines).toEqual([`GET /v1/usage closed by the client (${fault.id})`])
    expect(await requests()).toEqual([expect.objectContaining({ status: null, fault: fault.id })])
  })

  it('stops listening on close', async () => {
    const { sandbox, url } = await listening()
    await sandbox.close()
    await expect(fetch(`${url}/`)).rejects.toThrow('fetch failed')
    // Closing again is harmless: afterEach does it for every sandbox.
    await sandbox.close()
  })
})

describe('the CLI', () => {
  it('prints its URL and the demo key, serves, and stops cleanly on SIGTERM', async () => {
    const { child, printed, exited } = cli(['--port', '0', '--quiet'])
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(printed.stdout)
        if (match?.[1] && printed.stdout.includes('Ctrl+C')) resolve(match[1])
      })
      exited.then((code) => reject(new Error(`the CLI exited early (${code}): ${printed.stderr}`)))
    })
    expect(printed.stdout).toContain('Demo API key: sk_sandbox_demo')
    expect(printed.stdout).toContain(`AGENTPHONE_BASE_URL=${url}`)
    const response = await fetch(`${url}/v1/usage`, {
      headers: { Authorization: 'Bearer sk_sandbox_demo' },
    })
    expect(response.status).toBe(200)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })

  it('refuses a corrupt data file: one line naming it, no stack trace, exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentphone-sandbox-'))
    dirs.push(dir)
    const dataFile = join(dir, 'state.json')
    const corrupt = '{"format":"agentphone-sandbox",'
    writeFileSync(dataFile, corrupt)
    const parserSays = (() => {
      try {
        return JSON.parse(corrupt)
      } catch (error) {
        return (error as Error).message
      }
    })()
    const { printed, exited } = cli(['--port', '0', '--data', dataFile])
    expect(await exited).toBe(2)
    expect(printed).toEqual({
      stdout: '',
      stderr: `could not read sandbox data from ${dataFile}: ${parserSays}\n`,
    })
  })
})

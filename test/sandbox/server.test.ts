/** The sandbox over a real port (loopback only), as `npm run sandbox` serves it. */
import { spawn } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../sandbox/index.js'
import { executeTool } from '../../tools/index.js'
import { newKey } from './harness.js'

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

async function listening() {
  sandbox = await startSandbox({ port: 0 })
  const key = newKey()
  const { url } = sandbox
  const run = (operation: string, params = {}, options = {}) =>
    executeTool(`agentphone_${operation}`, { apiKey: key, ...params }, { baseUrl: url, ...options })
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  return { url, run, api }
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

  it('stops listening on close', async () => {
    const { url } = await listening()
    await sandbox?.close()
    sandbox = undefined
    await expect(fetch(`${url}/`)).rejects.toThrow('fetch failed')
  })
})

describe('the CLI', () => {
  it('prints its URL and the demo key, serves, and stops cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'sandbox/cli.ts', '--port', '0', '--quiet'],
      {
        cwd: new URL('../..', import.meta.url),
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    )
    let output = ''
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
        if (match?.[1] && output.includes('Ctrl+C')) resolve(match[1])
      })
      child.once('exit', (code) => reject(new Error(`the CLI exited early (${code}): ${output}`)))
    })
    expect(output).toContain('Demo API key: sk_sandbox_demo')
    expect(output).toContain(`AGENTPHONE_BASE_URL=${url}`)
    const response = await fetch(`${url}/v1/usage`, {
      headers: { Authorization: 'Bearer sk_sandbox_demo' },
    })
    expect(response.status).toBe(200)
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exit).toBe(0)
  })
})

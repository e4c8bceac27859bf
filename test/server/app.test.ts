/** The workflow server's HTTP contract, through `app.request` (no port) and over a real port. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.js'
import { type RunningServer, startServer } from '../../server/index.js'
import { tempDir } from '../support/temp-dir.js'
import { agentphone, chain, readExample, response, start, workflow } from '../workflow/build.js'

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read loosely in assertions
type Json = any

const servers: RunningServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

function setup(options: Parameters<typeof createApp>[0] = {}) {
  const workflowsDir = join(tempDir('workflow-server-'), 'workflows')
  const app = createApp({
    workflowsDir,
    editorDir: join(tempDir('workflow-server-'), 'no-editor'),
    ...options,
  })
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await app.request(path, {
      method,
      ...(body === undefined
        ? {}
        : {
            body: typeof body === 'string' ? body : JSON.stringify(body),
            headers: { 'Content-Type': 'application/json' },
          }),
    })
    const text = await response.text()
    let json: unknown
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = undefined
    }
    return { status: response.status, headers: response.headers, text, json: json as Json }
  }
  return { app, request, workflowsDir }
}

interface SseEvent {
  event: string
  data: Json
}

function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((chunk) => chunk.trim())
    .map((chunk) => {
      const lines = chunk.split('\n')
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? ''
      const data = lines
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n')
      return { event, data: JSON.parse(data) }
    })
}

const simple = () => {
  const s = start([{ name: 'who', type: 'string' }])
  const r = response('Reply', '{"hello": "<start.who>", "token": "{{TOKEN}}"}')
  return workflow([s, r], chain(s, r), 'Greeter')
}

describe('workflows', () => {
  it('saves, lists, reads and deletes; the file is readable JSON', async () => {
    const { request, workflowsDir } = setup()
    expect((await request('GET', '/api/workflows')).json).toEqual({ workflows: [] })
    const document = simple()
    const saved = await request('PUT', '/api/workflows/greeter', document)
    expect(saved.status).toBe(200)
    expect(saved.json).toEqual({ id: 'greeter', updatedAt: expect.stringMatching(/^\d{4}-/) })
    expect(readFileSync(join(workflowsDir, 'greeter.json'), 'utf8')).toBe(
      `${JSON.stringify(document, null, 2)}\n`
    )
    expect((await request('GET', '/api/workflows')).json).toEqual({
      workflows: [
        { id: 'greeter', name: 'Greeter', updatedAt: saved.json.updatedAt, active: false },
      ],
    })
    expect((await request('GET', '/api/workflows/greeter')).json).toEqual(document)
    const deleted = await request('DELETE', '/api/workflows/greeter')
    expect(deleted.status).toBe(204)
    expect((await request('GET', '/api/workflows/greeter')).status).toBe(404)
    expect(readdirSync(workflowsDir)).toEqual([])
  })

  it('an invalid workflow is refused with 400 and does not replace the good file', async () => {
    const { request, workflowsDir } = setup()
    await request('PUT', '/api/workflows/greeter', simple())
    const before = readFileSync(join(workflowsDir, 'greeter.json'), 'utf8')
    const broken = simple()
    broken.state.edges.push({ id: 'dangling', source: 'nowhere', target: 'x' })
    const refused = await request('PUT', '/api/workflows/greeter', broken)
    expect(refused).toMatchObject({
      status: 400,
      json: { error: 'Edge "dangling" starts at block "nowhere", which does not exist' },
    })
    const notJson = await request('PUT', '/api/workflows/greeter', '{"version": ')
    expect(notJson.status).toBe(400)
    expect(notJson.json.error).toMatch(/^The body is not valid JSON: /)
    expect((await request('PUT', '/api/workflows/greeter', '')).json).toEqual({
      error: 'The body must be a workflow document',
    })
    expect(readFileSync(join(workflowsDir, 'greeter.json'), 'utf8')).toBe(before)
    expect(readdirSync(workflowsDir)).toEqual(['greeter.json'])
  })

  it('unknown and malformed ids get 404 and 400', async () => {
    const { request } = setup()
    expect(await request('GET', '/api/workflows/nope')).toMatchObject({
      status: 404,
      json: { error: 'No workflow with id "nope"' },
    })
    expect((await request('DELETE', '/api/workflows/nope')).status).toBe(404)
    expect((await request('POST', '/api/workflows/nope/run', {})).status).toBe(404)
    expect((await request('GET', '/api/workflows/nope/runs')).status).toBe(404)
    expect((await request('GET', '/api/workflows/nope/runs/r1')).status).toBe(404)
    const traversal = await request('GET', '/api/workflows/..%2F..%2Fetc%2Fpasswd')
    expect(traversal.status).toBe(400)
    expect(traversal.json.error).toMatch(/is not valid: use 1–100 letters, digits, - or _$/)
    expect(await request('GET', '/api/unknown')).toMatchObject({
      status: 404,
      json: { error: 'No such API route: GET /api/unknown' },
    })
  })

  it('refuses an oversized body with 413', async () => {
    const { request, workflowsDir } = setup({ maxBodyBytes: 2_000 })
    const big = simple()
    big.state.metadata = { name: 'x'.repeat(5_000) }
    const refused = await request('PUT', '/api/workflows/big', big)
    expect(refused).toMatchObject({
      status: 413,
      json: { error: 'The body is larger than 2000 bytes' },
    })
    expect(existsSync(join(workflowsDir, 'big.json'))).toBe(false)
  })
})

describe('env', () => {
  it('stores values, lists names only, deletes', async () => {
    const { request } = setup()
    expect((await request('PUT', '/api/env/TOKEN', { value: 'tok_secret_value' })).status).toBe(204)
    expect(
      (await request('PUT', '/api/env/AGENTPHONE_API_KEY', { value: 'sk_sandbox_x' })).status
    ).toBe(204)
    const listed = await request('GET', '/api/env')
    expect(listed.json).toEqual({ names: ['AGENTPHONE_API_KEY', 'TOKEN'] })
    expect(listed.text).not.toContain('tok_secret_value')
    expect((await request('DELETE', '/api/env/TOKEN')).status).toBe(204)
    expect((await request('GET', '/api/env')).json).toEqual({ names: ['AGENTPHONE_API_KEY'] })
  })

  it('refuses bad names and bodies', async () => {
    const { request } = setup()
    expect((await request('PUT', '/api/env/1BAD', { value: 'x' })).status).toBe(400)
    expect((await request('PUT', '/api/env/OK', { value: 3 })).json).toEqual({
      error: 'The body must be {"value": "<text>"}',
    })
    expect((await request('PUT', '/api/env/OK', 'nope')).status).toBe(400)
  })
})

describe('runs', () => {
  it('streams block events and the result as SSE, masks env values, keeps the run in the history', async () => {
    const { request } = setup({ historySize: 2 })
    await request('PUT', '/api/workflows/greeter', simple())
    await request('PUT', '/api/env/TOKEN', { value: 'tok_secret_value' })
    const run = await request('POST', '/api/workflows/greeter/run', { input: { who: 'Ada' } })
    expect(run.status).toBe(200)
    expect(run.headers.get('content-type')).toMatch(/^text\/event-stream/)
    expect(run.text).not.toContain('tok_secret_value')
    const events = parseSse(run.text)
    expect(events.map((e) => `${e.event} ${e.data.name ?? ''}`)).toEqual([
      'block-started Start',
      'block-finished Start',
      'block-started Reply',
      'block-finished Reply',
      'run-finished ',
    ])
    const result = events.at(-1)?.data
    expect(result).toMatchObject({
      success: true,
      output: { data: { hello: 'Ada', token: '{{TOKEN}}' }, status: 200 },
    })
    expect(events[0]?.data).toEqual({
      runId: result.runId,
      blockId: expect.any(String),
      name: 'Start',
      type: 'start_trigger',
      startedAt: expect.any(String),
    })
    const runs = await request('GET', '/api/workflows/greeter/runs')
    expect(runs.json).toEqual({
      runs: [
        {
          runId: result.runId,
          startedAt: expect.any(String),
          success: true,
          durationMs: expect.any(Number),
        },
      ],
    })
    expect((await request('GET', `/api/workflows/greeter/runs/${result.runId}`)).json).toEqual(
      result
    )

    // The last N are kept, newest first.
    await request('POST', '/api/workflows/greeter/run', { input: { who: 'Grace' } })
    const third = parseSse((await request('POST', '/api/workflows/greeter/run')).text).at(-1)?.data
    const kept = (await request('GET', '/api/workflows/greeter/runs')).json.runs
    expect(kept).toHaveLength(2)
    expect(kept[0].runId).toBe(third.runId)
    expect((await request('GET', `/api/workflows/greeter/runs/${result.runId}`)).status).toBe(404)
  })

  it('a run without the key set reports the missing env value; with it, uses the embedded sandbox', async () => {
    const { app, request } = setup()
    await request('PUT', '/api/workflows/text', readExample('text-customer'))
    const without = parseSse((await request('POST', '/api/workflows/text/run', {})).text).at(
      -1
    )?.data
    expect(without.success).toBe(false)
    expect(without.error).toBe(
      'Block "AgentPhone 1" failed: Environment variable {{AGENTPHONE_API_KEY}} is not set'
    )
    await request('PUT', '/api/env/AGENTPHONE_API_KEY', { value: 'sk_sandbox_demo' })
    const run = await request('POST', '/api/workflows/text/run', {
      input: { toNumber: '+14155550190' },
    })
    const result = parseSse(run.text).at(-1)?.data
    expect(result).toMatchObject({
      success: true,
      output: { data: { status: 'sent', to: '+14155550190' } },
    })
    // The run reached the server's own sandbox: its request log shows the message.
    const log = await app.request('/agentphone/sandbox/requests', {
      headers: { Authorization: 'Bearer sk_sandbox_demo' },
    })
    expect(log.status).toBe(200)
    expect(await log.text()).toContain('/v1/messages')
  })

  it('refuses a bad run body and a saved file that no longer loads', async () => {
    const { request, workflowsDir } = setup()
    await request('PUT', '/api/workflows/greeter', simple())
    expect((await request('POST', '/api/workflows/greeter/run', '[1]')).json).toEqual({
      error: 'The body must be {"input": …} (or empty)',
    })
    expect((await request('POST', '/api/workflows/greeter/run', '{oops')).status).toBe(400)
    mkdirSync(workflowsDir, { recursive: true })
    writeFileSync(join(workflowsDir, 'hand.json'), '{"version": "1.0"}')
    const run = await request('POST', '/api/workflows/hand/run', {})
    expect(run.status).toBe(400)
    expect(run.json.error).toMatch(/^The saved workflow cannot run: Not a Sim workflow export: /)
  })
})

describe('sandbox and editor', () => {
  it('serves the sandbox under /agentphone', async () => {
    const { app } = setup()
    const response = await app.request('/agentphone/v1/numbers', {
      headers: { Authorization: 'Bearer sk_sandbox_demo' },
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ total: 2 })
    expect((await app.request('/agentphone/v1/numbers')).status).toBe(401)
  })

  it('serves the built editor when there is one, else a page saying how to build it', async () => {
    const editorDir = tempDir('workflow-server-')
    const { app } = setup({ editorDir })
    const missing = await app.request('/')
    expect(await missing.text()).toContain('npm run build:editor')
    writeFileSync(join(editorDir, 'index.html'), '<html>editor</html>')
    mkdirSync(join(editorDir, 'assets'))
    writeFileSync(join(editorDir, 'assets', 'app.js'), 'console.log(1)')
    expect(await (await app.request('/')).text()).toBe('<html>editor</html>')
    const script = await app.request('/assets/app.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log(1)')
    // Client-side routes get the app; nothing outside the folder is served.
    expect(await (await app.request('/workflows/abc')).text()).toBe('<html>editor</html>')
    expect(await (await app.request('/..%2F..%2Fpackage.json')).text()).toBe('<html>editor</html>')
  })
})

describe('over a real port', () => {
  it('startServer listens on a free port and streams a run', async () => {
    const workflowsDir = join(tempDir('workflow-server-'), 'workflows')
    const server = await startServer({ port: 0, workflowsDir })
    servers.push(server)
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.sandboxUrl).toBe(`${server.url}/agentphone`)
    const s = start()
    const usage = agentphone('Usage', 'get_usage')
    await fetch(`${server.url}/api/env/AGENTPHONE_API_KEY`, {
      method: 'PUT',
      body: JSON.stringify({ value: 'sk_sandbox_port_test' }),
    })
    await fetch(`${server.url}/api/workflows/usage`, {
      method: 'PUT',
      body: JSON.stringify(workflow([s, usage], chain(s, usage), 'Usage')),
    })
    const response = await fetch(`${server.url}/api/workflows/usage/run`, { method: 'POST' })
    const events = parseSse(await response.text())
    expect(events.at(-1)).toMatchObject({ event: 'run-finished', data: { success: true } })
    expect(JSON.stringify(events)).not.toContain('sk_sandbox_port_test')
  })
})

describe('a client that disconnects', () => {
  it('cancels its run: the call in flight is aborted, nothing after it runs', async () => {
    const server = await startServer({
      port: 0,
      workflowsDir: join(tempDir('workflow-server-'), 'w'),
    })
    servers.push(server)
    const key = 'sk_sandbox_disconnect_test'
    const put = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, { method: 'PUT', body: JSON.stringify(body) })
    await put('/api/env/AGENTPHONE_API_KEY', { value: key })
    const s = start()
    const slow = agentphone('Slow', 'get_usage')
    const after = agentphone('After', 'list_numbers')
    await put('/api/workflows/slow', workflow([s, slow, after], chain(s, slow, after), 'Slow'))
    await fetch(`${server.sandboxUrl}/sandbox/faults`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'delay', delayMs: 5_000, method: 'GET', path: '/v1/usage' }),
    })

    const client = new AbortController()
    const response = await fetch(`${server.url}/api/workflows/slow/run`, {
      method: 'POST',
      signal: client.signal,
    })
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    let seen = ''
    while (!seen.includes('"name":"Slow"')) {
      const { value, done } = await reader.read()
      if (done) break
      seen += new TextDecoder().decode(value)
    }
    client.abort()

    let runs: Array<{ runId: string; success: boolean }> = []
    for (let i = 0; i < 50 && runs.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      runs = (await (await fetch(`${server.url}/api/workflows/slow/runs`)).json()).runs
    }
    expect(runs).toHaveLength(1)
    const result = await (
      await fetch(`${server.url}/api/workflows/slow/runs/${runs[0]?.runId}`)
    ).json()
    expect(result.success).toBe(false)
    expect(result.blocks.map((b: { name: string; status: string }) => [b.name, b.status])).toEqual([
      ['Start', 'success'],
      ['Slow', 'error'],
      ['After', 'skipped'],
    ])
    expect(result.blocks[1].error).toBe('The AgentPhone request was cancelled')
  })
})

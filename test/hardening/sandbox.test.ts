/**
 * Issue 9, item 9: the sandbox cannot be broken by its clients. Metadata is bounded (the API's
 * 422), fault paths match without backtracking, bodies over 1 MB get 413, saves are coalesced yet
 * every acknowledged write is on disk, a data file is locked to one process, `.tmp` leftovers are
 * removed at start, and slow clients are timed out.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { pathMatches } from '../../sandbox/faults.js'
import { DataFileError, type SandboxOptions, startSandbox } from '../../sandbox/index.js'
import { Store } from '../../sandbox/store.js'
import { newKey } from '../sandbox/harness.js'

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'agentphone-hardening-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

async function open(options: SandboxOptions = {}) {
  const sandbox = await startSandbox(options)
  onTestFinished(() => sandbox.close())
  return sandbox
}

type Sandbox = Awaited<ReturnType<typeof open>>

const call = (sandbox: Sandbox, key: string, method: string, path: string, body?: string) =>
  sandbox.fetch(`${sandbox.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body }),
  })

async function firstConversationId(sandbox: Sandbox, key: string) {
  const list = await (await call(sandbox, key, 'GET', '/v1/conversations')).json()
  return (list as { data: { id: string }[] }).data[0]?.id
}

const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`

describe('metadata is bounded as the API bounds it', () => {
  it('metadata nested 10,000 deep is refused with a 422, and every save and read still works', async () => {
    const dataFile = join(tempDir(), 'state.json')
    const sandbox = await open({ dataFile })
    const key = newKey()
    const conversationId = await firstConversationId(sandbox, key)

    const refused = await call(
      sandbox,
      key,
      'PATCH',
      `/v1/conversations/${conversationId}`,
      `{"metadata": ${deepJson(10_000)}}`
    )
    expect(refused.status).toBe(422)
    expect(await refused.json()).toEqual({
      detail: [
        {
          loc: ['body'],
          msg: 'Value error, JSON nested too deeply: at most 64 levels',
          type: 'value_error',
        },
      ],
    })
    // Deeper than the tools send (32 levels), yet within what the body may hold: named by field.
    const deeper = await call(
      sandbox,
      key,
      'PATCH',
      `/v1/conversations/${conversationId}`,
      `{"metadata": ${deepJson(40)}}`
    )
    expect(deeper.status).toBe(422)
    const { detail } = (await deeper.json()) as { detail: { loc: unknown[]; msg: string }[] }
    expect(detail[0]?.loc.slice(0, 3)).toEqual(['body', 'metadata', 'a'])
    expect(detail[0]?.msg).toBe(
      'Value error, is nested too deeply: at most 32 levels of objects and lists'
    )

    // The account's reads, and another account's writes, still work and are saved.
    expect((await call(sandbox, key, 'GET', `/v1/conversations/${conversationId}`)).status).toBe(
      200
    )
    const other = newKey()
    const created = await call(
      sandbox,
      other,
      'POST',
      '/v1/contacts',
      JSON.stringify({ phoneNumber: '+14155550177', name: 'Saved Sam' })
    )
    expect(created.status).toBe(201)
    expect(readFileSync(dataFile, 'utf8')).toContain('Saved Sam')
  })

  it('metadata larger than 64 KiB is refused with a 422', async () => {
    const sandbox = await open()
    const key = newKey()
    const conversationId = await firstConversationId(sandbox, key)
    const answer = await call(
      sandbox,
      key,
      'PATCH',
      `/v1/conversations/${conversationId}`,
      JSON.stringify({ metadata: { note: 'x'.repeat(70_000) } })
    )
    expect(answer.status).toBe(422)
    expect(((await answer.json()) as { detail: { msg: string }[] }).detail[0]?.msg).toBe(
      'Value error, is too large: 70011 characters as JSON, at most 65536'
    )
  })
})

describe('fault paths', () => {
  it('are matched without backtracking: a pattern of 30 stars does not stall the sandbox', async () => {
    const sandbox = await open()
    const key = newKey()
    const armed = await call(
      sandbox,
      key,
      'POST',
      '/sandbox/faults',
      JSON.stringify({ kind: 'status', status: 503, path: `/v1/${'*'.repeat(30)}Z` })
    )
    expect(armed.status).toBe(201)
    // A backtracking regex would take longer than the age of the universe on this path.
    const answer = await call(sandbox, key, 'GET', `/v1/${'a'.repeat(40)}`)
    expect(answer.status).toBe(404)
    const hit = await call(sandbox, key, 'GET', `/v1/${'a'.repeat(40)}Z`)
    expect(hit.status).toBe(503)
  })

  it.each([
    ['/v1/contacts/*', '/v1/contacts/ct_1', true],
    ['/v1/contacts/*', '/v1/contacts/ct_1/x', false],
    ['/v1/**', '/v1/contacts/ct_1/x', true],
    ['/v1/*/messages', '/v1/numbers/messages', true],
    ['/v1/*/messages', '/v1/numbers/num_1/messages', false],
    ['/v1/**/messages', '/v1/numbers/num_1/messages', true],
    ['/v1/c*s', '/v1/calls', true],
    ['/v1/c*s', '/v1/contacts', true],
    ['/v1/c*s', '/v1/contact', false],
    ['/v1/a.b', '/v1/aXb', false],
  ])('%s on %s: %s', (pattern, path, expected) => {
    expect(pathMatches(pattern, path)).toBe(expected)
  })
})

describe('request bodies', () => {
  it('over 1 MB are refused with 413, and nothing is stored', async () => {
    const sandbox = await open()
    const key = newKey()
    const before = await (await call(sandbox, key, 'GET', '/v1/contacts')).json()
    const answer = await call(
      sandbox,
      key,
      'POST',
      '/v1/contacts',
      JSON.stringify({
        phoneNumber: '+14155550178',
        name: 'Big',
        notes: 'x'.repeat(2 * 1024 * 1024),
      })
    )
    expect(answer.status).toBe(413)
    expect(await answer.json()).toEqual({
      detail: 'Request body too large: at most 1048576 bytes (1 MB)',
    })
    expect(await (await call(sandbox, key, 'GET', '/v1/contacts')).json()).toEqual(before)
  })
})

describe('request bodies over HTTP', () => {
  it('over 1 MB are refused with 413; a DELETE without a body still works', async () => {
    const sandbox = await open({ port: 0 })
    const key = newKey()
    const headers = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }
    const big = await fetch(`${sandbox.url}/v1/contacts`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ phoneNumber: '+14155550179', name: 'x'.repeat(2 * 1024 * 1024) }),
    })
    expect(big.status).toBe(413)
    const contacts = (await (await fetch(`${sandbox.url}/v1/contacts`, { headers })).json()) as {
      data: { id: string }[]
    }
    const removed = await fetch(`${sandbox.url}/v1/contacts/${contacts.data[0]?.id}`, {
      method: 'DELETE',
      headers,
    })
    expect(removed.status).toBe(204)
  })
})

describe('the data file', () => {
  it('is saved coalesced: 100 saves asked at once cost at most 2 writes, and the last state is on disk', async () => {
    const dataFile = join(tempDir(), 'state.json')
    const store = Store.open(dataFile)
    onTestFinished(() => store.close())
    const keys = Array.from({ length: 100 }, newKey)
    await Promise.all(
      keys.map((key) => {
        store.session(key, Date.parse('2026-03-02T15:04:05Z'))
        return store.save()
      })
    )
    expect(store.writes).toBeLessThanOrEqual(2)
    const saved = JSON.parse(readFileSync(dataFile, 'utf8')) as { accounts: object }
    expect(Object.keys(saved.accounts)).toHaveLength(100)
  })

  it('holds every acknowledged write: 50 concurrent creates are all on disk once answered', async () => {
    const dataFile = join(tempDir(), 'state.json')
    const sandbox = await open({ dataFile })
    const key = newKey()
    const names = Array.from({ length: 50 }, (_, i) => `Durable ${i}`)
    const answers = await Promise.all(
      names.map((name, i) =>
        call(
          sandbox,
          key,
          'POST',
          '/v1/contacts',
          JSON.stringify({ phoneNumber: `+141555510${String(i).padStart(2, '0')}`, name })
        )
      )
    )
    expect(answers.map((answer) => answer.status)).toEqual(names.map(() => 201))
    const onDisk = readFileSync(dataFile, 'utf8')
    expect(names.filter((name) => !onDisk.includes(`"${name}"`))).toEqual([])
  })

  it('is locked to one sandbox: a second is refused, clearly, until the first closes', async () => {
    const dataFile = join(tempDir(), 'state.json')
    const first = await startSandbox({ dataFile })
    const refused = await startSandbox({ dataFile }).then(
      () => undefined,
      (error: unknown) => error
    )
    expect(refused).toBeInstanceOf(DataFileError)
    expect((refused as Error).message).toBe(
      `could not use the sandbox data file ${dataFile}: it is in use by another sandbox (pid ${process.pid}, this process). Stop that one first, or pass another --data file`
    )
    await first.close()
    const second = await open({ dataFile })
    expect(second.url).toBeTruthy()
  })

  it('a second process is refused with one clear line and exit code 2', async () => {
    const dataFile = join(tempDir(), 'state.json')
    await open({ dataFile })
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'sandbox/cli.ts', '--port', '0', '--data', dataFile],
      { cwd: new URL('../..', import.meta.url), stdio: ['ignore', 'pipe', 'pipe'] }
    )
    onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGKILL')
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const [code] = await once(child, 'exit')
    expect(code).toBe(2)
    expect(stderr).toBe(
      `could not use the sandbox data file ${dataFile}: it is in use by another sandbox (pid ${process.pid}). Stop that one first, or pass another --data file\n`
    )
  })

  it('a lock left by a killed process is taken over, and its .tmp leftovers are removed', async () => {
    const dir = tempDir()
    const dataFile = join(dir, 'state.json')
    const gone = spawn(process.execPath, ['-e', ''])
    await once(gone, 'exit')
    writeFileSync(`${dataFile}.lock`, String(gone.pid))
    writeFileSync(`${dataFile}.${gone.pid}.tmp`, '{"half": ')
    writeFileSync(join(dir, 'other.json.1.tmp'), 'not ours')

    const sandbox = await open({ dataFile })

    expect(sandbox.url).toBeTruthy()
    expect(existsSync(`${dataFile}.${gone.pid}.tmp`)).toBe(false)
    expect(existsSync(join(dir, 'other.json.1.tmp'))).toBe(true)
    expect(readFileSync(`${dataFile}.lock`, 'utf8')).toBe(String(process.pid))
  })
})

describe('slow clients', () => {
  it('a body that trickles in is answered 408 and its connection closed', async () => {
    const sandbox = await open({ port: 0, requestTimeoutMs: 300 })
    const { port } = new URL(sandbox.url)
    const socket = connect(Number(port), '127.0.0.1')
    onTestFinished(() => {
      socket.destroy()
    })
    await once(socket, 'connect')
    let received = ''
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString()
    })
    socket.write(
      `POST /v1/contacts HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${newKey()}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"name": `
    )
    await once(socket, 'close')
    expect(received).toMatch(/^HTTP\/1\.1 408 /)
  })
})

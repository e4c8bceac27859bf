/** `--data FILE`: state is saved after every change and survives a restart. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import {
  DataFileError,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
} from '../../sandbox/index.js'
import { executeTool } from '../../tools/index.js'
import { newKey, T0 } from './harness.js'

const tool =
  (sandbox: Sandbox, apiKey: string) =>
  (operation: string, params = {}) =>
    executeTool(
      `agentphone_${operation}`,
      { apiKey, ...params },
      { baseUrl: sandbox.url, fetch: sandbox.fetch }
    )

/** A fresh directory, removed when the test ends, whether it passed or not. */
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'agentphone-sandbox-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A sandbox closed when the test ends, whether it passed or not. */
async function open(options: SandboxOptions) {
  const sandbox = await startSandbox(options)
  onTestFinished(() => sandbox.close())
  return sandbox
}

describe('persistence', () => {
  it('keeps every change across a restart, in a file that never holds the key', async () => {
    const dir = tempDir()
    const dataFile = join(dir, 'state.json')
    const key = newKey()
    let now = T0
    const first = await open({ dataFile, now: () => now })
    const run = tool(first, key)
    const agents = (await (
      await first.fetch(`${first.url}/v1/agents`, { headers: { Authorization: `Bearer ${key}` } })
    ).json()) as { data: { id: string }[] }
    const agentId = agents.data[0]?.id
    const contact = await run('create_contact', {
      phoneNumber: '+14155550142',
      name: 'Persistent Pat',
    })
    const message = await run('send_message', {
      agentId,
      toNumber: '+14155550142',
      body: 'Still here?',
    })
    const conversations = await run('list_conversations', { limit: 1 })
    const conversationId = (conversations.output.data as { id: string }[])[0]?.id
    await run('update_conversation', { conversationId, metadata: { saved: true } })
    const call = await run('create_call', { agentId, toNumber: '+14155550142' })
    const numbers = await run('list_numbers')
    const released = (numbers.output.data as { id: string }[])[1]?.id
    await run('release_number', { numberId: released })
    await first.close()

    expect(readdirSync(dir)).toEqual(['state.json'])
    const saved = readFileSync(dataFile, 'utf8')
    expect(saved).not.toContain(key)
    expect(saved).toContain('Persistent Pat')

    now = T0 + 60_000
    const second = await open({ dataFile, now: () => now })
    const again = tool(second, key)
    expect((await again('get_contact', { contactId: contact.output.id })).output).toEqual(
      contact.output
    )
    const conversation = await again('get_conversation', { conversationId })
    expect(conversation.output).toMatchObject({ metadata: { saved: true }, messageCount: 1 })
    expect((conversation.output.messages as { id: string }[])[0]?.id).toBe(message.output.id)
    expect((await again('list_numbers')).output.total).toBe(1)
    expect((await again('release_number', { numberId: released })).error).toMatch(
      /already been released/
    )
    // The call went on while the sandbox was down: time, not the process, moves it.
    expect((await again('get_call', { callId: call.output.id })).output.status).toBe('completed')
    // The account was not seeded again.
    expect((await again('list_contacts')).output.total).toBe(6)
    await second.close()
  })

  it('refuses to start on a file that is not sandbox data, leaving it untouched', async () => {
    const dataFile = join(tempDir(), 'other.json')
    for (const content of ['{"hello":"world"}', 'null', '[1, 2]', '"text"']) {
      writeFileSync(dataFile, content)
      const error = await startSandbox({ dataFile }).catch((caught: unknown) => caught)
      expect(error, content).toBeInstanceOf(DataFileError)
      expect((error as Error).message, content).toBe(
        `could not read sandbox data from ${dataFile}: not an AgentPhone sandbox data file (format agentphone-sandbox v1)`
      )
      expect(readFileSync(dataFile, 'utf8')).toBe(content)
    }
  })

  it('refuses a corrupt file with an error naming it and the parser’s reason', async () => {
    const dataFile = join(tempDir(), 'state.json')
    const content = '{"format":"agentphone-sandbox","version":1,"accounts":{'
    writeFileSync(dataFile, content)
    const error = await startSandbox({ dataFile }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(DataFileError)
    expect((error as Error).message).toBe(
      `could not read sandbox data from ${dataFile}: ${messageOf(() => JSON.parse(content))}`
    )
    expect(readFileSync(dataFile, 'utf8')).toBe(content)
  })

  it('refuses a data path it cannot read, naming it', async () => {
    const dataFile = tempDir()
    const error = await startSandbox({ dataFile }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(DataFileError)
    expect((error as Error).message).toBe(
      `could not read sandbox data from ${dataFile}: ${messageOf(() => readFileSync(dataFile))}`
    )
  })
})

/** The message `fn` throws with, e.g. the parser's own words for a given text. */
function messageOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected a throw')
}

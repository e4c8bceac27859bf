/**
 * One in-process sandbox per test, with its own random `sk_sandbox_` key (so tests never share an
 * account), a clock the test moves by hand, and the seed that key gets, computed independently
 * from the sandbox so tests can check outputs against it. Call it inside a test: the sandbox is
 * closed when the test ends.
 */
import { randomBytes } from 'node:crypto'
import { onTestFinished } from 'vitest'
import { type SandboxOptions, startSandbox } from '../../sandbox/index.js'
import { iso, type Message } from '../../sandbox/model.js'
import { hashKey } from '../../sandbox/random.js'
import { seedAccount } from '../../sandbox/seed.js'
import { type ExecuteOptions, executeTool } from '../../tools/index.js'

/** A fixed "now" at which every test's account is created. */
export const T0 = Date.parse('2026-03-02T15:04:05.000Z')

export const newKey = () => `sk_sandbox_test_${randomBytes(8).toString('hex')}`

export interface ApiAnswer {
  status: number
  headers: Headers
  body: unknown
}

export async function setup(options: Omit<SandboxOptions, 'now'> = {}) {
  const clock = { now: T0 }
  const sandbox = await startSandbox({ ...options, now: () => clock.now })
  // Nothing outlives its test, even a failed one (matters when a test asks for a port).
  onTestFinished(() => sandbox.close())
  const key = newKey()
  const seed = seedAccount(hashKey(key), T0)
  const runWith =
    (apiKey: string) =>
    (operation: string, params: Record<string, unknown> = {}, options: ExecuteOptions = {}) =>
      executeTool(
        `agentphone_${operation}`,
        { apiKey, ...params },
        { baseUrl: sandbox.url, fetch: sandbox.fetch, ...options }
      )
  /** A raw request, for the sandbox's own endpoints and for checking wire shapes. */
  const api = async (
    method: string,
    path: string,
    body?: unknown,
    apiKey = key
  ): Promise<ApiAnswer> => {
    const response = await sandbox.fetch(`${sandbox.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    })
    const text = await response.text()
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
    }
  }
  const requests = async () =>
    (
      (await api('GET', '/sandbox/requests')).body as {
        data: { method: string; path: string; status: number | null; fault: string | null }[]
      }
    ).data
  return { sandbox, clock, key, seed, run: runWith(key), runWith, api, requests }
}

export type Harness = Awaited<ReturnType<typeof setup>>

/** Seeded messages as `get_conversation`/`get_conversation_messages` output them (newest first). */
export const asMessageOutputs = (messages: Message[]) =>
  [...messages]
    .sort((a, b) => b.receivedAt - a.receivedAt)
    .map((message) => ({
      id: message.id,
      body: message.body,
      fromNumber: message.fromNumber,
      toNumber: message.toNumber,
      direction: message.direction,
      channel: message.channel,
      mediaUrl: message.mediaUrls[0] ?? null,
      mediaUrls: message.mediaUrls,
      receivedAt: iso(message.receivedAt),
    }))

export const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

/**
 * Issue 9, item 5: no socket stays open after a result is returned — a stalled 200 body whose
 * timeout fired, or retried 503s whose bodies never arrived. A real server on 127.0.0.1 (port 0)
 * counts the sockets open on its side that carried a request. (After a connection is destroyed,
 * Node's fetch may open a spare one that never carries a request and closes on its own when idle:
 * that one is the pool's, not ours.)
 */
import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'
import { executeTool } from '../../tools/index.js'

const KEY = 'sk_live_sockets_0001'

interface Stalling {
  url: string
  server: Server
  open: Set<Socket>
  requests: number
}

const servers: Server[] = []

// The leak happened under GC: Node's fetch can lose a Request's signal once the Request object is
// collected. Collecting garbage while a call is under way reproduces that.
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

/** Runs `call`, collecting garbage twice while it waits on a stalled answer. */
async function underGc<T>(call: () => Promise<T>): Promise<T> {
  const timers = [setTimeout(collectGarbage, 150), setTimeout(collectGarbage, 300)]
  try {
    return await call()
  } finally {
    for (const timer of timers) clearTimeout(timer)
  }
}

/** A server whose every answer sends its headers (and maybe a first chunk), then stalls. */
async function stallingServer(
  answer: (response: ServerResponse, request: IncomingMessage) => void
): Promise<Stalling> {
  const open = new Set<Socket>()
  const state = { requests: 0 }
  const server = createServer((request, response) => {
    state.requests++
    const { socket } = request
    if (!socket.destroyed && !open.has(socket)) {
      open.add(socket)
      socket.on('close', () => open.delete(socket))
    }
    answer(response, request)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  servers.push(server)
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    open,
    get requests() {
      return state.requests
    },
  }
}

/** Open sockets once the client has had its chance to close them (polled, at most 2 s). */
async function openSocketsAfterwards(open: Set<Socket>): Promise<number> {
  for (let waited = 0; open.size > 0 && waited < 2_000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return open.size
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    server.close()
  }
})

describe('no socket stays open after the result', () => {
  it('a stalled 200 body whose timeout fired', async () => {
    const api = await stallingServer((response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' })
      response.write('{"plan": ')
    })

    const result = await underGc(() =>
      executeTool(
        'agentphone_get_usage',
        { apiKey: KEY },
        { baseUrl: api.url, timeoutMs: 1_000, retries: 0 }
      )
    )

    expect(result.error).toBe(`AgentPhone did not finish its answer within 1000 ms (${api.url})`)
    expect(api.requests).toBe(1)
    expect(await openSocketsAfterwards(api.open)).toBe(0)
  })

  it('retried 503s whose bodies never arrived', async () => {
    const api = await stallingServer((response) => {
      response.writeHead(503, {
        'Content-Type': 'application/json',
        'Content-Length': '100',
        'Retry-After': '0',
      })
      response.flushHeaders()
    })

    const result = await underGc(() =>
      executeTool(
        'agentphone_get_usage',
        { apiKey: KEY },
        { baseUrl: api.url, timeoutMs: 1_000, retries: 2 }
      )
    )

    expect(result.error).toBe('AgentPhone API error (HTTP 503 Service Unavailable): (empty body)')
    expect(api.requests).toBe(3)
    expect(await openSocketsAfterwards(api.open)).toBe(0)
  })

  it('a POST whose 201 body stalls is sent once and leaves nothing open', async () => {
    const api = await stallingServer((response) => {
      response.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': '1000' })
      response.write('{"id": "msg_1", ')
    })

    const result = await underGc(() =>
      executeTool(
        'agentphone_send_message',
        { apiKey: KEY, agentId: 'agt_1', toNumber: '+14155551234', body: 'Hi' },
        { baseUrl: api.url, timeoutMs: 1_000, retries: 2 }
      )
    )

    expect(result.error).toBe(`AgentPhone did not finish its answer within 1000 ms (${api.url})`)
    expect(api.requests).toBe(1)
    expect(await openSocketsAfterwards(api.open)).toBe(0)
  })
})

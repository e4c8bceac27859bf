/**
 * The inbound-text example end to end on `npm start`'s server: saved, activated against the
 * embedded sandbox, an inbound text simulated in the sandbox, and the sandbox's request log shows
 * exactly one reply to that number; a duplicate delivery runs the workflow once.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { agentPhoneWebhookHeaders } from '@/lib/webhooks/providers/agentphone-signature'
import { startServer } from '../../server/index.js'
import { newKey } from '../sandbox/harness.js'
import { readExample } from '../workflow/build.js'

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read loosely in assertions
type Json = any

async function server(options: { agentphoneBaseUrl?: string; publicBaseUrl?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'i14-hooks-'))
  const workflowsDir = join(dir, 'workflows')
  const running = await startServer({
    port: 0,
    workflowsDir,
    editorDir: join(dir, 'no-editor'),
    ...options,
  })
  onTestFinished(async () => {
    await running.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const key = newKey()
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {}
  ) => {
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(path.startsWith('/agentphone') ? { Authorization: `Bearer ${key}` } : {}),
        ...headers,
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    })
    const text = await response.text()
    return { status: response.status, json: (text ? JSON.parse(text) : undefined) as Json }
  }
  /** Waits (polling the history) until the workflow has `count` finished runs. */
  const runs = async (id: string, count: number) => {
    for (let tries = 0; tries < 200; tries++) {
      const { json } = await call('GET', `/api/workflows/${id}/runs`)
      if (json.runs.length >= count) return json.runs as Json[]
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    throw new Error(`${id} did not reach ${count} runs`)
  }
  const replies = async () =>
    ((await call('GET', '/agentphone/sandbox/requests')).json.data as Json[]).filter(
      (request) => request.method === 'POST' && request.path === '/v1/messages'
    )
  return { ...running, workflowsDir, key, call, runs, replies }
}

describe('POST /hooks/:workflowId on the workflow server', () => {
  it('inbound text → exactly one reply to that number; a duplicate delivery runs once', async () => {
    const { call, runs, replies, key, url, workflowsDir } = await server()
    expect(
      (await call('PUT', '/api/workflows/reply', readExample('inbound-text-reply'))).status
    ).toBe(200)
    expect((await call('PUT', '/api/env/AGENTPHONE_API_KEY', { value: key })).status).toBe(204)
    expect((await call('GET', '/api/workflows')).json.workflows).toEqual([
      expect.objectContaining({ id: 'reply', active: false }),
    ])

    const activated = await call('POST', '/api/workflows/reply/activate')
    expect(activated).toEqual({
      status: 200,
      json: { id: 'reply', active: true, webhookUrl: `${url}/hooks/reply` },
    })
    expect((await call('GET', '/api/workflows')).json.workflows).toEqual([
      expect.objectContaining({ id: 'reply', active: true }),
    ])
    const webhook = (await call('GET', '/agentphone/v1/webhooks')).json
    expect(webhook.url).toBe(`${url}/hooks/reply`)
    expect(JSON.stringify(activated.json)).not.toContain(webhook.secret)

    const numbers = (await call('GET', '/agentphone/v1/numbers')).json.data as Json[]
    await call('DELETE', '/agentphone/sandbox/requests')
    await call('POST', '/agentphone/sandbox/inbound', {
      numberId: numbers[0].id,
      from: '+14155550142',
      body: 'Can I book for Friday?',
    })
    const [run] = await runs('reply', 1)
    expect(run.success).toBe(true)
    const result = (await call('GET', `/api/workflows/reply/runs/${run.runId}`)).json
    expect(result.blocks.map((block: Json) => [block.name, block.status])).toEqual([
      ['AgentPhone 1', 'success'],
      ['AgentPhone 2', 'success'],
    ])
    expect(result.blocks[0].output.data).toMatchObject({
      from: '+14155550142',
      message: 'Can I book for Friday?',
    })
    expect(result.blocks[1].output).toMatchObject({
      toNumber: '+14155550142',
      fromNumber: numbers[0].phoneNumber,
    })
    expect(await replies()).toHaveLength(1)
    expect(JSON.stringify(result)).not.toContain(key)

    // The same event delivered again (a retry, freshly signed) runs nothing.
    const deliveries = (await call('GET', '/agentphone/v1/webhooks/deliveries')).json.items
    expect(deliveries).toMatchObject([{ eventType: 'agent.message', httpStatus: 202 }])
    const body = JSON.stringify(result.blocks[0].output)
    const saved = JSON.parse(readFileSync(join(workflowsDir, '.activations.json'), 'utf8'))
    const again = await call(
      'POST',
      '/hooks/reply',
      body,
      agentPhoneWebhookHeaders(saved.reply.providerConfig.webhookSecret, body, Date.now())
    )
    expect(again).toEqual({
      status: 200,
      json: { received: true, ran: false, reason: 'duplicate delivery' },
    })
    expect(await runs('reply', 1)).toHaveLength(1)
    expect(await replies()).toHaveLength(1)

    // A forged delivery: 401, nothing runs.
    const forged = await call('POST', '/hooks/reply', body, {
      'X-Webhook-Timestamp': String(Math.floor(Date.now() / 1000)),
      'X-Webhook-Signature': 'sha256=00',
    })
    expect(forged.status).toBe(401)

    // Deactivated: the webhook is gone, deliveries are refused.
    expect((await call('POST', '/api/workflows/reply/deactivate')).json).toEqual({
      id: 'reply',
      active: false,
    })
    expect((await call('GET', '/agentphone/v1/webhooks')).json).toBeNull()
    expect((await call('GET', '/api/workflows')).json.workflows[0].active).toBe(false)
    expect((await call('POST', '/hooks/reply', body)).status).toBe(404)
  })

  it('against the real API, activation needs PUBLIC_BASE_URL', async () => {
    const { call } = await server({ agentphoneBaseUrl: 'https://api.agentphone.invalid' })
    await call('PUT', '/api/workflows/reply', readExample('inbound-text-reply'))
    await call('PUT', '/api/env/AGENTPHONE_API_KEY', { value: 'sk_live_x' })
    const refused = await call('POST', '/api/workflows/reply/activate')
    expect(refused.status).toBe(400)
    expect(refused.json.error).toContain('Set PUBLIC_BASE_URL')
  })

  it('deleting an active workflow removes its webhook', async () => {
    const { call, key } = await server()
    await call('PUT', '/api/workflows/reply', readExample('inbound-text-reply'))
    await call('PUT', '/api/env/AGENTPHONE_API_KEY', { value: key })
    await call('POST', '/api/workflows/reply/activate')
    expect(await call('DELETE', '/api/workflows/reply')).toEqual({ status: 204, json: undefined })
    expect((await call('GET', '/agentphone/v1/webhooks')).json).toBeNull()
    expect((await call('POST', '/api/workflows/reply/activate')).status).toBe(404)
  })
})

/**
 * Activation and `/hooks/:workflowId`, against a sandbox on a port that delivers to the routes on
 * another port, as AgentPhone would.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { describe, expect, it, onTestFinished } from 'vitest'
import { agentPhoneWebhookHeaders } from '@/lib/webhooks/providers/agentphone-signature'
import { startSandbox } from '../../sandbox/index.js'
import { createTriggerRoutes, type TriggerWorkflow } from '../../server/triggers'
import { type RunResult, runWorkflow } from '../../workflow/index.js'
import { newKey } from '../sandbox/harness.js'
import { readExample } from '../workflow/build.js'

const WORKFLOW_ID = 'inbound-reply'

async function listen(fetch: (request: Request) => Response | Promise<Response>) {
  const url = await new Promise<string>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve(`http://127.0.0.1:${info.port}`)
    )
    onTestFinished(
      () =>
        new Promise<void>((done) => {
          server.close(() => done())
          ;(server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.()
        })
    )
  })
  return url
}

async function workbench(
  options: { workflows?: Record<string, TriggerWorkflow>; publicBaseUrl?: string | null } = {}
) {
  const sandbox = await startSandbox({ port: 0 })
  onTestFinished(() => sandbox.close())
  const key = newKey()
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : undefined }
  }
  const workflows: Record<string, TriggerWorkflow> = options.workflows ?? {
    [WORKFLOW_ID]: readExample('inbound-text-reply'),
  }
  const runs: Promise<RunResult>[] = []
  const activationsFile = join(mkdtempSync(join(tmpdir(), 'i14-activations-')), 'activations.json')
  let serverUrl = ''
  const routesOptions = {
    readWorkflow: (id: string) => workflows[id],
    startRun: (_id: string, workflow: TriggerWorkflow, input: unknown, startBlockId: string) => {
      runs.push(
        runWorkflow(workflow, {
          input,
          startBlockId,
          env: { AGENTPHONE_API_KEY: key },
          baseUrl: sandbox.url,
        })
      )
      return `run_${runs.length}`
    },
    env: () => ({ AGENTPHONE_API_KEY: key }),
    agentphone: () => ({ baseUrl: sandbox.url, sandbox: true }),
    publicBaseUrl: () => (options.publicBaseUrl === null ? undefined : serverUrl),
    activationsFile,
  }
  const routes = createTriggerRoutes(routesOptions)
  // Records what reaches /hooks, to replay a delivery.
  const deliveries: { body: string; headers: Record<string, string> }[] = []
  const outer = new Hono()
  outer.use('/hooks/*', async (c, next) => {
    deliveries.push({
      body: await c.req.raw.clone().text(),
      headers: Object.fromEntries(c.req.raw.headers),
    })
    await next()
  })
  outer.route('/', routes.app)
  serverUrl = await listen(outer.fetch)
  const post = async (path: string, body?: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${serverUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body }),
    })
    return { status: response.status, body: await response.json() }
  }
  /** A text from +14155550142 (iMessage: even last digit) to the account's first number. */
  const inboundText = async (body: string) => {
    const numbers = (await api('GET', '/v1/numbers')).body as { data: { id: string }[] }
    return api('POST', '/sandbox/inbound', {
      numberId: numbers.data[0]?.id,
      from: '+14155550142',
      body,
    })
  }
  const settle = async () => {
    await sandbox.settled()
    return Promise.all(runs)
  }
  return {
    sandbox,
    key,
    api,
    post,
    inboundText,
    routes,
    routesOptions,
    runs,
    deliveries,
    settle,
    serverUrl,
    activationsFile,
  }
}

const sentMessages = async (api: Awaited<ReturnType<typeof workbench>>['api']) =>
  (
    (await api('GET', '/sandbox/requests')).body as { data: { method: string; path: string }[] }
  ).data.filter((request) => request.method === 'POST' && request.path === '/v1/messages')

describe('activation', () => {
  it("registers the workflow's /hooks URL with AgentPhone and keeps the secret server-side", async () => {
    const { api, post, routes, serverUrl, activationsFile } = await workbench()
    const activated = await post(`/api/workflows/${WORKFLOW_ID}/activate`)
    expect(activated).toEqual({
      status: 200,
      body: { id: WORKFLOW_ID, active: true, webhookUrl: `${serverUrl}/hooks/${WORKFLOW_ID}` },
    })
    const registered = (await api('GET', '/v1/webhooks')).body as { url: string; secret: string }
    expect(registered.url).toBe(`${serverUrl}/hooks/${WORKFLOW_ID}`)
    expect(JSON.stringify(activated.body)).not.toContain(registered.secret)
    expect(routes.isActive(WORKFLOW_ID)).toBe(true)
    // Kept for the server only: in its activations file, readable by its owner alone.
    expect(readFileSync(activationsFile, 'utf8')).toContain(registered.secret)
    expect(statSync(activationsFile).mode & 0o777).toBe(0o600)
  })

  it('deactivation removes the webhook; deliveries are refused from then on', async () => {
    const { api, post, routes, deliveries } = await workbench()
    await post(`/api/workflows/${WORKFLOW_ID}/activate`)
    expect(await post(`/api/workflows/${WORKFLOW_ID}/deactivate`)).toEqual({
      status: 200,
      body: { id: WORKFLOW_ID, active: false },
    })
    expect((await api('GET', '/v1/webhooks')).body).toBeNull()
    expect(routes.isActive(WORKFLOW_ID)).toBe(false)
    expect((await post(`/hooks/${WORKFLOW_ID}`, '{}')).status).toBe(404)
    expect(deliveries).toHaveLength(1)
    // Deactivating again is harmless.
    expect((await post(`/api/workflows/${WORKFLOW_ID}/deactivate`)).status).toBe(200)
  })

  it('survives a restart: the activations file carries it', async () => {
    const { post, routesOptions } = await workbench()
    await post(`/api/workflows/${WORKFLOW_ID}/activate`)
    expect(createTriggerRoutes(routesOptions).isActive(WORKFLOW_ID)).toBe(true)
  })

  it('refuses, saying why: unknown workflow, no trigger block, no public URL, a refused agent', async () => {
    const plain = readExample('text-customer')
    const { post } = await workbench({
      workflows: { plain, reply: readExample('inbound-text-reply') },
    })
    expect(await post('/api/workflows/nope/activate')).toEqual({
      status: 404,
      body: { error: 'No workflow nope' },
    })
    expect(await post('/api/workflows/plain/activate')).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('has no AgentPhone trigger block') },
    })

    const noUrl = await workbench({ publicBaseUrl: null })
    expect(await noUrl.post(`/api/workflows/${WORKFLOW_ID}/activate`)).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('Set PUBLIC_BASE_URL') },
    })

    const workflow = readExample('inbound-text-reply') as TriggerWorkflow
    const trigger = Object.values(workflow.state.blocks).find((block) => block.triggerMode)
    if (trigger) trigger.subBlocks.triggerAgentId = { value: 'agt_missing' }
    const badAgent = await workbench({ workflows: { [WORKFLOW_ID]: workflow } })
    expect(await badAgent.post(`/api/workflows/${WORKFLOW_ID}/activate`)).toEqual({
      status: 502,
      body: { error: 'AgentPhone refused the webhook (HTTP 404): Agent not found' },
    })
    expect(badAgent.routes.isActive(WORKFLOW_ID)).toBe(false)
  })
})

describe('/hooks/:workflowId', () => {
  it('an inbound text runs the workflow once: exactly one reply, to the sender', async () => {
    const { api, post, inboundText, settle, deliveries } = await workbench()
    await post(`/api/workflows/${WORKFLOW_ID}/activate`)
    await inboundText('Are you open today?')
    const [result] = await settle()
    expect(result?.success, result?.error).toBe(true)
    expect(deliveries).toHaveLength(1)
    const sent = await sentMessages(api)
    expect(sent).toHaveLength(1)
    expect(result?.blocks[1]?.output).toMatchObject({ status: 'sent', toNumber: '+14155550142' })
    const log = (await api('GET', '/v1/webhooks/deliveries')).body as {
      items: { status: string; httpStatus: number }[]
    }
    expect(log.items).toMatchObject([{ status: 'success', httpStatus: 202 }])
  })

  it('a duplicate delivery (same event, same timestamp) runs once', async () => {
    const { api, post, inboundText, settle, deliveries, runs, activationsFile } = await workbench()
    await post(`/api/workflows/${WORKFLOW_ID}/activate`)
    await inboundText('Hello?')
    await settle()
    const [first] = deliveries
    if (!first) throw new Error('delivered')
    // Delivered again, freshly signed, as a retry would be.
    const secret = Object.values(
      JSON.parse(readFileSync(activationsFile, 'utf8')) as Record<
        string,
        { providerConfig: { webhookSecret: string } }
      >
    )[0]?.providerConfig.webhookSecret as string
    const again = await post(
      `/hooks/${WORKFLOW_ID}`,
      first.body,
      agentPhoneWebhookHeaders(secret, first.body, Date.now())
    )
    expect(again).toEqual({
      status: 200,
      body: { received: true, ran: false, reason: 'duplicate delivery' },
    })
    await settle()
    expect(runs).toHaveLength(1)
    expect(await sentMessages(api)).toHaveLength(1)
  })

  it('refuses a delivery that fails verification with 401 and runs nothing', async () => {
    const { post, runs } = await workbench()
    await post(`/api/workflows/${WORKFLOW_ID}/activate`)
    const body = JSON.stringify({ event: 'agent.message', timestamp: 'x', data: {} })
    const forged = await post(
      `/hooks/${WORKFLOW_ID}`,
      body,
      agentPhoneWebhookHeaders('whsec_guess', body, Date.now())
    )
    expect(forged).toEqual({
      status: 401,
      body: { error: 'Unauthorized - X-Webhook-Signature does not match the body' },
    })
    expect((await post(`/hooks/${WORKFLOW_ID}`, body)).status).toBe(401)
    expect(runs).toHaveLength(0)
  })

  it("answers an event that is not the trigger's without running it", async () => {
    const { api, post, inboundText, settle, runs, deliveries } = await workbench()
    await post(`/api/workflows/${WORKFLOW_ID}/activate`)
    const inbound = await inboundText('Thanks!')
    await settle()
    await api('POST', '/sandbox/inbound/reactions', {
      messageId: inbound.body.id,
      reaction: 'love',
    })
    await settle()
    expect(deliveries.map((d) => JSON.parse(d.body).event)).toEqual([
      'agent.message',
      'agent.reaction',
    ])
    expect(runs).toHaveLength(1)
    const log = (await api('GET', '/v1/webhooks/deliveries')).body as {
      items: { eventType: string; httpStatus: number }[]
    }
    expect(log.items.map((row) => [row.eventType, row.httpStatus])).toEqual([
      ['agent.reaction', 200],
      ['agent.message', 202],
    ])
  })
})

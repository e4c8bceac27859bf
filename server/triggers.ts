/**
 * AgentPhone triggers on the workflow server: activating a workflow registers its webhook with
 * AgentPhone (through the provider handler Sim uses, `agentphoneHandler`) and keeps the returned
 * signing secret here, server-side only; `POST /hooks/:workflowId` receives the deliveries,
 * verifies and matches each, answers at once and runs the workflow with the event as the trigger
 * block's output. A delivery seen before (same event, same timestamp) runs nothing.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { Hono } from 'hono'
import { agentphoneHandler } from '../lib/webhooks/providers/agentphone'
import { AGENTPHONE_TRIGGER_EVENTS } from '../triggers/agentphone/utils'

/** The parts of a workflow document (Sim's export format) activation reads. */
export interface TriggerWorkflow {
  state: {
    blocks: Record<
      string,
      {
        id: string
        type: string
        name: string
        triggerMode?: boolean
        subBlocks: Record<string, { value?: unknown } | undefined>
      }
    >
  }
}

export interface TriggerRoutesOptions {
  /** The saved workflow, or undefined when there is none with this id. */
  readWorkflow(id: string): Promise<TriggerWorkflow | undefined> | TriggerWorkflow | undefined
  /**
   * Starts a run in the background (recorded in the run history) with `input` as the output of
   * the block `startBlockId`; returns the run's id at once.
   */
  startRun(id: string, workflow: TriggerWorkflow, input: unknown, startBlockId: string): string
  /** The server's environment values, for `{{NAME}}` in the trigger's fields. */
  env(): Record<string, string | undefined>
  /**
   * The AgentPhone API the server uses (its base URL) and whether it is the embedded sandbox
   * (where the demo key stands in for an empty API Key field).
   */
  agentphone(): { baseUrl: string; sandbox: boolean }
  /**
   * Where AgentPhone can reach this server (`…/hooks/<id>` is appended); undefined when it is not
   * known, which refuses activation against the real API.
   */
  publicBaseUrl(): string | undefined
  /** A JSON file keeping activations across restarts; in memory only when absent. */
  activationsFile?: string
  /** Receives one line per delivery (never a secret). */
  log?: (line: string) => void
}

/** What the server keeps for an active workflow. Never sent to a page. */
interface Activation {
  triggerBlockId: string
  triggerId: string
  /** The provider config Sim would keep: the trigger's fields plus what registration returned. */
  providerConfig: Record<string, unknown>
  baseUrl: string
  activatedAt: string
}

const SANDBOX_DEMO_KEY = 'sk_sandbox_demo'
/** How many event keys each workflow remembers, to run a redelivered event once. */
const REMEMBERED_EVENTS = 1_000

class HttpError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 502,
    message: string
  ) {
    super(message)
  }
}

const fieldText = (
  block: { subBlocks: Record<string, { value?: unknown } | undefined> },
  id: string
) => {
  const value = block.subBlocks[id]?.value
  return typeof value === 'string' ? value.trim() : ''
}

/** The workflow's AgentPhone trigger block: an `agentphone` block in trigger mode. */
export function triggerBlockOf(workflow: TriggerWorkflow) {
  return Object.values(workflow.state.blocks).find(
    (block) => block.type === 'agentphone' && block.triggerMode === true
  )
}

/** A field's text with `{{NAME}}` replaced from the environment; a missing name is an error. */
function withEnv(text: string, env: Record<string, string | undefined>, field: string): string {
  return text.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => {
    const value = env[name]
    if (value === undefined || value === '') {
      throw new HttpError(400, `The trigger's ${field} uses {{${name}}}, which is not set`)
    }
    return value
  })
}

class ActivationStore {
  readonly #active = new Map<string, Activation>()

  constructor(readonly file: string | undefined) {
    if (file && existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Activation>
      for (const [id, activation] of Object.entries(saved)) this.#active.set(id, activation)
    }
  }

  get(id: string) {
    return this.#active.get(id)
  }

  set(id: string, activation: Activation | undefined) {
    if (activation) this.#active.set(id, activation)
    else this.#active.delete(id)
    if (!this.file) return
    mkdirSync(dirname(this.file), { recursive: true })
    const temporary = `${this.file}.${process.pid}.tmp`
    writeFileSync(temporary, JSON.stringify(Object.fromEntries(this.#active), null, 2), {
      mode: 0o600,
    })
    renameSync(temporary, this.file)
  }
}

export function createTriggerRoutes(options: TriggerRoutesOptions) {
  const activations = new ActivationStore(options.activationsFile)
  const seen = new Map<string, string[]>()

  /** True the first time a workflow sees this event key. */
  const firstDelivery = (workflowId: string, key: string) => {
    const keys = seen.get(workflowId) ?? []
    if (keys.includes(key)) return false
    keys.push(key)
    if (keys.length > REMEMBERED_EVENTS) keys.shift()
    seen.set(workflowId, keys)
    return true
  }

  /** The webhook record Sim's handler reads (`providerConfig`, and where to deliver). */
  const webhookRecord = (
    workflowId: string,
    activation: Pick<Activation, 'providerConfig' | 'baseUrl'>
  ) => ({
    id: workflowId,
    path: workflowId,
    provider: 'agentphone',
    baseUrl: activation.baseUrl,
    providerConfig: activation.providerConfig,
  })

  async function activate(workflowId: string) {
    const workflow = await options.readWorkflow(workflowId)
    if (!workflow) throw new HttpError(404, `No workflow ${workflowId}`)
    const block = triggerBlockOf(workflow)
    if (!block) {
      throw new HttpError(
        400,
        'The workflow has no AgentPhone trigger block (an agentphone block in trigger mode) to activate'
      )
    }
    const triggerId = fieldText(block, 'selectedTriggerId') || 'agentphone_message_received'
    if (!(triggerId in AGENTPHONE_TRIGGER_EVENTS)) {
      throw new HttpError(400, `Block "${block.name}": unknown trigger type ${triggerId}`)
    }
    const api = options.agentphone()
    const baseUrl = options.publicBaseUrl()
    if (!baseUrl) {
      throw new HttpError(
        400,
        'Set PUBLIC_BASE_URL to the address where AgentPhone can reach this server, then activate again'
      )
    }
    const env = options.env()
    const apiKey =
      withEnv(fieldText(block, 'triggerApiKey'), env, 'API Key') ||
      (api.sandbox ? SANDBOX_DEMO_KEY : '')
    if (!apiKey) throw new HttpError(400, `Block "${block.name}": the trigger's API Key is empty`)
    const previous = activations.get(workflowId)
    if (previous) await deactivate(workflowId)

    const providerConfig: Record<string, unknown> = {
      triggerId,
      triggerApiKey: apiKey,
      triggerAgentId: withEnv(fieldText(block, 'triggerAgentId'), env, 'Agent ID'),
      agentphoneBaseUrl: api.baseUrl,
    }
    const record = webhookRecord(workflowId, { providerConfig, baseUrl })
    let result: Awaited<ReturnType<NonNullable<typeof agentphoneHandler.createSubscription>>>
    try {
      result = await agentphoneHandler.createSubscription?.({
        webhook: record,
        workflow: { id: workflowId },
        userId: 'local',
        requestId: `activate-${workflowId}`,
        request: new Request(baseUrl),
      })
    } catch (error) {
      throw new HttpError(502, (error as Error).message)
    }
    const activation: Activation = {
      triggerBlockId: block.id,
      triggerId,
      providerConfig: { ...providerConfig, ...result?.providerConfigUpdates },
      baseUrl,
      activatedAt: new Date().toISOString(),
    }
    activations.set(workflowId, activation)
    return {
      id: workflowId,
      active: true,
      webhookUrl: `${baseUrl.replace(/\/+$/, '')}/hooks/${encodeURIComponent(workflowId)}`,
    }
  }

  async function deactivate(workflowId: string) {
    const activation = activations.get(workflowId)
    if (activation) {
      try {
        await agentphoneHandler.deleteSubscription?.({
          webhook: webhookRecord(workflowId, activation),
          workflow: { id: workflowId },
          requestId: `deactivate-${workflowId}`,
          strict: true,
        })
      } catch (error) {
        throw new HttpError(502, (error as Error).message)
      }
      activations.set(workflowId, undefined)
      seen.delete(workflowId)
    }
    return { id: workflowId, active: false }
  }

  const app = new Hono()

  app.onError((error, c) => {
    // This module's refusals, and the workflow store's (a 400 for a malformed id).
    const status = (error as { status?: unknown }).status
    if (typeof status === 'number' && status >= 400 && status < 600) {
      return c.json({ error: error.message }, status as 400)
    }
    return c.json({ error: 'Internal error' }, 500)
  })

  app.post('/api/workflows/:id/activate', async (c) => c.json(await activate(c.req.param('id'))))
  app.post('/api/workflows/:id/deactivate', async (c) =>
    c.json(await deactivate(c.req.param('id')))
  )

  app.post('/hooks/:workflowId', async (c) => {
    const workflowId = c.req.param('workflowId')
    const activation = activations.get(workflowId)
    if (!activation) return c.json({ error: `Workflow ${workflowId} is not active` }, 404)
    const rawBody = await c.req.text()
    const requestId = `hook-${workflowId}-${Date.now()}`
    const context = {
      webhook: webhookRecord(workflowId, activation),
      workflow: { id: workflowId },
      requestId,
      providerConfig: activation.providerConfig,
    }
    const refused = await agentphoneHandler.verifyAuth?.({
      ...context,
      request: c.req.raw,
      rawBody,
    })
    if (refused) {
      options.log?.(`POST /hooks/${workflowId} 401 (${await refused.clone().text()})`)
      return c.json({ error: await refused.text() }, 401)
    }
    let body: unknown
    try {
      body = JSON.parse(rawBody)
    } catch {
      return c.json({ error: 'The delivery is not JSON' }, 400)
    }
    if (!(await agentphoneHandler.matchEvent?.({ ...context, body, request: c.req.raw }))) {
      return c.json({ received: true, ran: false, reason: 'not this trigger’s event' })
    }
    const key = agentphoneHandler.extractIdempotencyId?.(body)
    if (key && !firstDelivery(workflowId, key)) {
      return c.json({ received: true, ran: false, reason: 'duplicate delivery' })
    }
    const workflow = await options.readWorkflow(workflowId)
    if (!workflow) return c.json({ error: `No workflow ${workflowId}` }, 404)
    const formatted = await agentphoneHandler.formatInput?.({
      webhook: context.webhook,
      workflow: { id: workflowId, userId: 'local' },
      body,
      headers: Object.fromEntries(c.req.raw.headers),
      query: c.req.query(),
      method: 'POST',
      requestId,
    })
    const runId = options.startRun(
      workflowId,
      workflow,
      formatted?.input ?? body,
      activation.triggerBlockId
    )
    options.log?.(`POST /hooks/${workflowId} 202 run ${runId}`)
    return c.json({ received: true, ran: true, runId }, 202)
  })

  return {
    app,
    /** Whether the workflow is active (its webhook registered). */
    isActive: (workflowId: string) => activations.get(workflowId) !== undefined,
    activate,
    deactivate,
    /** Drops an activation without asking AgentPhone (its workflow is gone). */
    forget: (workflowId: string) => activations.set(workflowId, undefined),
  }
}

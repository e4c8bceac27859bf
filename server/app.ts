/**
 * The workflow server: one Hono app serving the AgentPhone sandbox under `/agentphone`, the
 * workflow API under `/api` (workflows, env, runs streamed as Server-Sent Events, run history) and
 * the editor at `/`. The HTTP contract is in the README ("The workflow server").
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { streamSSE } from 'hono/streaming'
import { IN_PROCESS_URL, type Sandbox, startSandbox } from '../sandbox/index.js'
import { loadWorkflow, type RunResult, runWorkflow } from '../workflow/index.js'
import { createMask } from '../workflow/secrets.js'
import { editorHandler } from './editor.js'
import { RunHistory } from './run-history.js'
import { createTriggerRoutes } from './triggers'
import { StoreError, WorkflowStore } from './workflow-store.js'

export const SANDBOX_PREFIX = '/agentphone'
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024
export const DEFAULT_EDITOR_DIR = fileURLToPath(new URL('../dist/editor', import.meta.url))
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

export interface AppOptions {
  /** Where workflows are saved (default `./workflows`). */
  workflowsDir?: string
  /** The embedded sandbox; default a new in-process one. */
  sandbox?: Pick<Sandbox, 'fetch'>
  /**
   * Where runs reach AgentPhone. Default: the embedded sandbox, in-process. `startServer` passes
   * `AGENTPHONE_BASE_URL` from the process environment here when it is set.
   */
  agentphoneBaseUrl?: string
  /** The fetch runs use with `agentphoneBaseUrl` (default the global one). */
  agentphoneFetch?: typeof fetch
  /** Runs kept per workflow (default 20). */
  historySize?: number
  /** Largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number
  /** The built editor (default `dist/editor`). */
  editorDir?: string
  /**
   * Where AgentPhone reaches this server for trigger deliveries (`<url>/hooks/<id>`): needed with
   * `agentphoneBaseUrl` (the real API); `startServer` passes `PUBLIC_BASE_URL` here.
   */
  publicBaseUrl?: string
  /**
   * This server's own URL once it listens: the embedded sandbox delivers there, and activation
   * reaches the sandbox at `<url>/agentphone`.
   */
  serverUrl?: () => string | undefined
}

/** `{error}` with a status, the shape of every refusal. */
class HttpError extends Error {
  constructor(
    readonly status: 400 | 404 | 413 | 415,
    message: string
  ) {
    super(message)
  }
}

/** The request body as JSON; an empty body is `undefined`. */
async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text()
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new HttpError(400, `The body is not valid JSON: ${(error as Error).message}`)
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export function createApp(options: AppOptions = {}) {
  const workflowsDir = options.workflowsDir ?? 'workflows'
  const store = new WorkflowStore(workflowsDir)
  const history = new RunHistory(options.historySize)
  /** `{{NAME}}` values: written, never read back (kept in memory only). */
  const env = new Map<string, string>()
  const maskEnv = <T>(value: T) =>
    createMask([...env].map(([name, secret]) => ({ value: secret, label: `{{${name}}}` })))(value)
  let sandbox: Promise<Pick<Sandbox, 'fetch'>> | undefined = options.sandbox
    ? Promise.resolve(options.sandbox)
    : undefined
  const embeddedSandbox = () => {
    sandbox ??= startSandbox()
    return sandbox
  }

  /** Where runs reach AgentPhone: the real API (or another) if configured, else the sandbox. */
  const executeOptions = async () =>
    options.agentphoneBaseUrl
      ? { baseUrl: options.agentphoneBaseUrl, fetch: options.agentphoneFetch }
      : { baseUrl: IN_PROCESS_URL, fetch: (await embeddedSandbox()).fetch }

  const triggers = createTriggerRoutes({
    readWorkflow: async (id) => {
      if (!(await store.exists(id))) return undefined
      const loaded = loadWorkflow(await store.get(id))
      return loaded.ok ? loaded.workflow : undefined
    },
    startRun: (id, workflow, input, startBlockId) => {
      const runId = randomUUID()
      const startedAt = new Date()
      // Answered before the run ends: the run goes on and lands in the history.
      void executeOptions()
        .then((execute) =>
          runWorkflow(workflow, {
            input,
            startBlockId,
            runId,
            env: Object.fromEntries(env),
            ...execute,
          })
        )
        .then((result) =>
          history.add(
            id,
            {
              runId,
              startedAt: startedAt.toISOString(),
              success: result.success,
              durationMs: Date.now() - startedAt.getTime(),
            },
            result
          )
        )
        .catch((error: Error) =>
          console.error(`Run ${runId} of ${id} could not start: ${error.message}`)
        )
      return runId
    },
    env: () => Object.fromEntries(env),
    agentphone: () => {
      if (options.agentphoneBaseUrl) return { baseUrl: options.agentphoneBaseUrl, sandbox: false }
      const self = options.serverUrl?.()
      return { baseUrl: self ? `${self}${SANDBOX_PREFIX}` : '', sandbox: true }
    },
    // The embedded sandbox delivers to this server itself; the real API needs a public address.
    publicBaseUrl: () =>
      options.publicBaseUrl ?? (options.agentphoneBaseUrl ? undefined : options.serverUrl?.()),
    activationsFile: join(workflowsDir, '.activations.json'),
  })

  const app = new Hono()

  app.onError((error, c) => {
    if (error instanceof HttpError || error instanceof StoreError) {
      return c.json({ error: error.message }, error.status)
    }
    return c.json({ error: `Internal error: ${maskEnv(error.message)}` }, 500)
  })

  // The sandbox, as if it were served at the root of its own host.
  app.all(`${SANDBOX_PREFIX}/*`, async (c) => {
    const url = new URL(c.req.url)
    const path = url.pathname.slice(SANDBOX_PREFIX.length)
    const { fetch } = await embeddedSandbox()
    return fetch(new Request(`${IN_PROCESS_URL}${path}${url.search}`, c.req.raw))
  })

  const api = new Hono()
  const limitBody = bodyLimit({
    maxSize: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    onError: (c) =>
      c.json(
        {
          error: `The body is larger than ${options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES} bytes`,
        },
        413
      ),
  })
  // Only requests that carry a body: on a bodiless DELETE over a real port the middleware would
  // re-wrap the node server's request, which undici cannot read.
  api.on(['POST', 'PUT', 'PATCH'], '*', limitBody)

  api.get('/workflows', async (c) =>
    c.json({
      workflows: (await store.list()).map((row) => ({ ...row, active: triggers.isActive(row.id) })),
    })
  )

  api.get('/workflows/:id', async (c) => c.json((await store.get(c.req.param('id'))) as object))

  api.put('/workflows/:id', async (c) => {
    const id = c.req.param('id')
    const document = await jsonBody(c)
    if (document === undefined) throw new HttpError(400, 'The body must be a workflow document')
    return c.json(await store.put(id, document))
  })

  api.delete('/workflows/:id', async (c) => {
    const id = c.req.param('id')
    await store.delete(id)
    await triggers.deactivate(id).catch(() => triggers.forget(id))
    history.forget(id)
    return c.body(null, 204)
  })

  api.get('/env', (c) => c.json({ names: [...env.keys()].sort() }))

  api.put('/env/:name', async (c) => {
    const name = c.req.param('name')
    if (!ENV_NAME.test(name)) {
      throw new HttpError(
        400,
        `"${name}" is not a valid name: use letters, digits and _, not starting with a digit`
      )
    }
    const body = await jsonBody(c)
    if (!isRecord(body) || typeof body.value !== 'string') {
      throw new HttpError(400, 'The body must be {"value": "<text>"}')
    }
    env.set(name, body.value)
    return c.body(null, 204)
  })

  api.delete('/env/:name', (c) => {
    env.delete(c.req.param('name'))
    return c.body(null, 204)
  })

  api.post('/workflows/:id/run', async (c) => {
    const id = c.req.param('id')
    const body = await jsonBody(c)
    if (body !== undefined && !isRecord(body)) {
      throw new HttpError(400, 'The body must be {"input": …} (or empty)')
    }
    const loaded = loadWorkflow(await store.get(id))
    if (!loaded.ok) throw new HttpError(400, `The saved workflow cannot run: ${loaded.error}`)
    const execute = await executeOptions()
    return streamSSE(c, async (stream) => {
      const controller = new AbortController()
      // A client that goes away cancels its run.
      stream.onAbort(() => controller.abort())
      let writing = Promise.resolve()
      const startedAt = new Date()
      const result: RunResult = await runWorkflow(loaded.workflow, {
        input: body?.input,
        env: Object.fromEntries(env),
        ...execute,
        signal: controller.signal,
        onEvent: (event) => {
          writing = writing.then(() =>
            stream.writeSSE({ event: event.type, data: JSON.stringify(event.data) })
          )
        },
      })
      history.add(
        id,
        {
          runId: result.runId,
          startedAt: startedAt.toISOString(),
          success: result.success,
          durationMs: Date.now() - startedAt.getTime(),
        },
        result
      )
      await writing
    })
  })

  api.get('/workflows/:id/runs', async (c) => {
    const id = c.req.param('id')
    if (!(await store.exists(id))) throw new StoreError(404, `No workflow with id "${id}"`)
    return c.json({ runs: history.list(id) })
  })

  api.get('/workflows/:id/runs/:runId', (c) => {
    const { id, runId } = c.req.param()
    const result = history.get(id, runId)
    if (!result) throw new HttpError(404, `No run "${runId}" of workflow "${id}" in the history`)
    return c.json(result)
  })

  app.use(
    '/hooks/*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      onError: (c) => c.json({ error: 'The delivery is too large' }, 413),
    })
  )
  app.route('/', triggers.app)
  app.route('/api', api)
  app.all('/api/*', (c) =>
    c.json({ error: `No such API route: ${c.req.method} ${c.req.path}` }, 404)
  )

  app.get('*', editorHandler(options.editorDir ?? DEFAULT_EDITOR_DIR))
  app.notFound((c) => c.json({ error: `Not found: ${c.req.method} ${c.req.path}` }, 404))

  return app
}

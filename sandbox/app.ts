/**
 * The sandbox's HTTP app: authentication (each `sk_sandbox_…` key is an account), the request log
 * and fault injection for /v1, the endpoints, and FastAPI-shaped errors (404 for an unknown path,
 * 405 with `Allow` for a known path asked with another method).
 */
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { WebhookDispatcher } from './delivery.js'
import type { Endpoint, SandboxEnv } from './endpoint.js'
import { ApiError, DroppedConnection, ValidationError } from './errors.js'
import { injectFaults } from './faults.js'
import { iso } from './model.js'
import { recordingHandler } from './recording.js'
import { agentEndpoints } from './routes/agents.js'
import { callEndpoints } from './routes/calls.js'
import { contactEndpoints } from './routes/contacts.js'
import { conversationEndpoints } from './routes/conversations.js'
import { messageEndpoints } from './routes/messages.js'
import { numberEndpoints } from './routes/numbers.js'
import { registrationEndpoints } from './routes/registration.js'
import { sandboxEndpoints } from './routes/sandbox.js'
import { subAccountEndpoints } from './routes/sub-accounts.js'
import { usageEndpoints } from './routes/usage.js'
import { webhookEndpoints } from './routes/webhooks.js'
import { isSandboxKey, type RequestRecord, type Store } from './store.js'
import { findSubAccount } from './sub-accounts.js'

export interface AppOptions {
  store: Store
  now: () => number
  /** One line per finished request (method, path, status) — never headers, so never keys. */
  log?: ((line: string) => void) | undefined
  /** Delivers the accounts' events to their webhooks (default: one with the default settings). */
  webhooks?: WebhookDispatcher
}

const baseEndpoints: Endpoint[] = [
  ...numberEndpoints,
  ...agentEndpoints,
  ...callEndpoints,
  ...conversationEndpoints,
  ...messageEndpoints,
  ...contactEndpoints,
  ...usageEndpoints,
  ...subAccountEndpoints,
  ...registrationEndpoints,
  ...sandboxEndpoints,
]

/** Each path's methods, in the order declared: a wrong method gets FastAPI's 405 and `Allow`. */
function methodsByPath(declared: Endpoint[]) {
  const methods = new Map<string, string[]>()
  for (const { path, method } of declared) methods.set(path, [...(methods.get(path) ?? []), method])
  return methods
}

/** A save nobody waits for (webhook delivery records): a failure is logged, not lost. */
export const saveInBackground = (store: Store, log?: (line: string) => void) => () => {
  store.save().catch((error: Error) => log?.(`could not save the data file: ${error.message}`))
}

export function createApp({ store, now, log, webhooks }: AppOptions) {
  const app = new Hono<SandboxEnv>()
  const dispatcher =
    webhooks ?? new WebhookDispatcher({ now, save: saveInBackground(store, log), log })
  const endpoints = [...baseEndpoints, ...webhookEndpoints(dispatcher)]

  /** Finds (or creates and seeds) the caller's account; saves after anything that may change it. */
  const authenticate = createMiddleware<SandboxEnv>(async (c, next) => {
    const key = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1]
    if (!key || !isSandboxKey(key)) {
      log?.(`${c.req.method} ${new URL(c.req.url).pathname} 401`)
      throw new ApiError(401, key ? 'Invalid API key' : 'Not authenticated')
    }
    c.set('now', now())
    c.set('clock', now)
    const { session, created } = store.session(key, c.get('now'))
    c.set('session', session)
    try {
      await next()
    } finally {
      dispatcher.afterRequest(c.get('session'), c.get('now'))
      // Answered only once saved: an acknowledged write is on disk.
      if (created || c.req.method !== 'GET') await store.save()
    }
  })

  /**
   * Every /v1 request an account sends, with the status it got (null: the connection ended
   * without an answer, dropped by a fault or closed by the client).
   */
  const logRequests = createMiddleware<SandboxEnv>(async (c, next) => {
    const url = new URL(c.req.url)
    const record: RequestRecord = {
      method: c.req.method,
      path: url.pathname,
      query: url.search,
      time: iso(c.get('now')),
      status: null,
      fault: null,
    }
    store.logRequest(c.get('session').runtime, record)
    let outcome = 'dropped'
    try {
      await next()
      record.status = c.res.status
      outcome = String(record.status)
    } catch (error) {
      if (error instanceof DroppedConnection && error.by === 'client')
        outcome = 'closed by the client'
      throw error
    } finally {
      record.fault = c.get('faultId') ?? null
      log?.(`${record.method} ${record.path} ${outcome}${record.fault ? ` (${record.fault})` : ''}`)
    }
  })

  app.get('/', (c) =>
    c.json({
      service: 'AgentPhone sandbox',
      auth: 'Authorization: Bearer sk_sandbox_<anything> — each key is its own seeded account',
      api: '/v1/…',
      tooling: [
        '/sandbox/faults',
        '/sandbox/requests',
        '/sandbox/inbound',
        '/sandbox/inbound/reactions',
      ],
    })
  )
  /** `X-Sub-Account-Id` points the request at that sub-account's data; an unknown one is refused. */
  const scopeToSubAccount = createMiddleware<SandboxEnv>(async (c, next) => {
    const subAccountId = c.req.header('X-Sub-Account-Id')?.trim()
    if (!subAccountId) return next()
    const session = c.get('session')
    const subAccount = findSubAccount(session.root, subAccountId)
    if (!subAccount) throw new ApiError(404, `Sub-account ${subAccountId} not found`)
    c.set('session', { ...session, account: subAccount.state })
    return next()
  })

  // Public, as in the API: the call ID is the access token. Registered before the key check.
  app.get('/v1/calls/:callId/recording', recordingHandler(store, now))
  app.use('/v1/*', authenticate, logRequests, injectFaults, scopeToSubAccount)
  app.use('/sandbox/*', authenticate, scopeToSubAccount)
  for (const { register } of endpoints) register(app)
  // Registered last, so they answer only when no endpoint of the path takes the method.
  for (const [path, methods] of methodsByPath(endpoints)) {
    app.all(path, (c) =>
      c.json({ detail: 'Method Not Allowed' }, 405, { Allow: methods.join(', ') })
    )
  }

  app.notFound((c) => c.json({ detail: 'Not Found' }, 404))
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json({ detail: error.detail }, error.status)
    if (error instanceof ValidationError) return c.json({ detail: error.issues }, 422)
    // The transport ends the connection: rethrown past Hono, caught in index.ts.
    if (error instanceof DroppedConnection) throw error
    log?.(`internal error: ${error.stack ?? error.message}`)
    return c.json({ detail: 'Internal Server Error' }, 500)
  })
  return app
}

/**
 * `startServer`: the workflow server on a port (0 = a free one), with its embedded sandbox.
 * Runs use the sandbox unless `AGENTPHONE_BASE_URL` is set in the process environment.
 */
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { startSandbox } from '../sandbox/index.js'
import { type AppOptions, createApp, SANDBOX_PREFIX } from './app.js'

export { type AppOptions, createApp, SANDBOX_PREFIX } from './app.js'

export interface ServerOptions extends Omit<AppOptions, 'sandbox'> {
  /** Default 4010; 0 picks a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** The sandbox's state file (loaded at start, saved after every change). */
  sandboxDataFile?: string
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** Where the embedded sandbox answers: `<url>/agentphone`. */
  sandboxUrl: string
  close(): Promise<void>
}

export const DEFAULT_PORT = 4010

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { port = DEFAULT_PORT, host = '127.0.0.1', sandboxDataFile, ...appOptions } = options
  const sandbox = await startSandbox(sandboxDataFile ? { dataFile: sandboxDataFile } : {})
  const agentphoneBaseUrl = appOptions.agentphoneBaseUrl ?? process.env.AGENTPHONE_BASE_URL
  const publicBaseUrl = appOptions.publicBaseUrl ?? process.env.PUBLIC_BASE_URL
  let url: string | undefined
  const app = createApp({
    ...appOptions,
    sandbox,
    ...(agentphoneBaseUrl ? { agentphoneBaseUrl } : {}),
    ...(publicBaseUrl ? { publicBaseUrl } : {}),
    serverUrl: () => url,
  })
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve(
      { fetch: app.fetch, port, hostname: host, overrideGlobalObjects: false },
      () => resolve(started as Server)
    )
    started.once('error', reject)
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  url = `http://${shownHost}:${actualPort}`
  let closing: Promise<void> | undefined
  return {
    url,
    sandboxUrl: `${url}${SANDBOX_PREFIX}`,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }).then(() => sandbox.close())
      return closing
    },
  }
}

/**
 * The public OpenAPI description of the AgentPhone API (a copy in `spec/`), and a validator that
 * checks an answer against the schema the description gives for its operation and status.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { repoRoot } from '../support/spec.js'

interface Operation {
  operationId: string
  tags?: string[]
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>
}

export interface OpenApi {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, unknown> }
}

export const openApi = JSON.parse(
  readFileSync(path.join(repoRoot, 'spec/agentphone-openapi.json'), 'utf8')
) as OpenApi

/** One operation: `GET /v1/calls/{call_id}`. */
export interface SpecOperation {
  method: string
  template: string
  operation: Operation
  pattern: RegExp
}

export const specOperations: SpecOperation[] = Object.entries(openApi.paths)
  .flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      template,
      operation,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }))
  )
  // Literal segments first: `/v1/agents/voices` is not `/v1/agents/{agent_id}`.
  .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0))

export const findOperation = (method: string, pathname: string) =>
  specOperations.find((op) => op.method === method && op.pattern.test(pathname))

const SPEC_ID = 'https://agentphone.local/openapi.json'
const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats(ajv)
ajv.addFormat('double', true)
ajv.addSchema({ ...openApi, $id: SPEC_ID })

const pointer = (...segments: string[]) =>
  segments.map((segment) => segment.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')

export interface Exchange {
  method: string
  pathname: string
  status: number
  contentType: string
  body: string
}

/**
 * What is wrong with an answer, by the spec: nothing (`[]`), or the schema's complaints. A 2xx
 * the spec does not declare for the operation is wrong; errors other than 422 have no schema in
 * the spec, and must be FastAPI's `{detail: string}`.
 */
export function schemaProblems(exchange: Exchange): string[] {
  const spec = findOperation(exchange.method, exchange.pathname)
  if (!spec) return [`no operation ${exchange.method} ${exchange.pathname} in the spec`]
  const declared = spec.operation.responses[String(exchange.status)]
  if (!declared) {
    if (exchange.status < 400) {
      return [`${spec.operation.operationId} answered ${exchange.status}, not a declared status`]
    }
    const body = JSON.parse(exchange.body) as { detail?: unknown }
    return typeof body.detail === 'string' ? [] : ['an error without a string detail']
  }
  if (exchange.status === 204) return exchange.body === '' ? [] : ['a 204 with a body']
  if (!exchange.contentType.startsWith('application/json')) {
    // Recordings (audio/wav) and transcript streams (text/event-stream): no JSON to check.
    return []
  }
  const validate = ajv.getSchema(
    `${SPEC_ID}#/${pointer('paths', spec.template, spec.method.toLowerCase(), 'responses', String(exchange.status), 'content', 'application/json', 'schema')}`
  )
  if (!validate) return [`no schema for ${spec.operation.operationId} ${exchange.status}`]
  if (validate(JSON.parse(exchange.body))) return []
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`)
}

/** A fetch that keeps a copy of every exchange that goes through it. */
export function recordingFetch(inner: typeof fetch, exchanges: Exchange[]): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    const response = await inner(request)
    const contentType = response.headers.get('Content-Type') ?? ''
    const binary = !/json|text/.test(contentType)
    exchanges.push({
      method: request.method,
      pathname: new URL(request.url).pathname,
      status: response.status,
      contentType,
      body: binary ? '' : await response.clone().text(),
    })
    return response
  }) as typeof fetch
}

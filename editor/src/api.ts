/** The workflow server's HTTP API, as the editor uses it. Every failure is an Error with the server's words. */
import type { BlockRecord, RunEvent as EngineEvent, RunResult } from '../../workflow/engine.js'
import type { WorkflowDocument } from './model/workflow.js'

export type { BlockRecord, RunResult }

export interface WorkflowSummary {
  id: string
  name: string
  updatedAt: string
  active?: boolean
}

export interface RunSummary {
  runId: string
  startedAt: string
  success: boolean
  durationMs: number
}

/** The runtime's events as the server streams them: the SSE event name, then its JSON data. */
export type RunEvent = EngineEvent extends infer Event
  ? Event extends { type: infer Name; data: infer Data }
    ? { event: Name; data: Data }
    : never
  : never

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: init?.body ? { 'content-type': 'application/json' } : undefined,
  })
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`
    try {
      const body = (await response.json()) as { error?: string }
      if (body.error) message = `${body.error} (HTTP ${response.status})`
    } catch {
      // Not JSON: the status says enough.
    }
    throw new Error(message)
  }
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

const id = encodeURIComponent

export const api = {
  listWorkflows: () => call<{ workflows: WorkflowSummary[] }>('/api/workflows'),
  getWorkflow: (workflowId: string) => call<WorkflowDocument>(`/api/workflows/${id(workflowId)}`),
  saveWorkflow: (workflowId: string, doc: WorkflowDocument) =>
    call<{ id: string; updatedAt: string }>(`/api/workflows/${id(workflowId)}`, {
      method: 'PUT',
      body: JSON.stringify(doc),
    }),
  deleteWorkflow: (workflowId: string) =>
    call<void>(`/api/workflows/${id(workflowId)}`, { method: 'DELETE' }),
  envNames: () => call<{ names: string[] }>('/api/env'),
  setEnv: (name: string, value: string) =>
    call<void>(`/api/env/${id(name)}`, { method: 'PUT', body: JSON.stringify({ value }) }),
  deleteEnv: (name: string) => call<void>(`/api/env/${id(name)}`, { method: 'DELETE' }),
  listRuns: (workflowId: string) =>
    call<{ runs: RunSummary[] }>(`/api/workflows/${id(workflowId)}/runs`),
  getRun: (workflowId: string, runId: string) =>
    call<RunResult>(`/api/workflows/${id(workflowId)}/runs/${id(runId)}`),

  /** Starts a run and hands each streamed event to `onEvent`; resolves with the run result. */
  async run(
    workflowId: string,
    input: Record<string, unknown>,
    onEvent: (event: RunEvent) => void
  ): Promise<RunResult> {
    const response = await fetch(`/api/workflows/${id(workflowId)}/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ input }),
    })
    if (!response.ok || !response.body) {
      const body = (await response.json().catch(() => ({}))) as { error?: string }
      throw new Error(`${body.error ?? response.statusText} (HTTP ${response.status})`)
    }
    let result: RunResult | undefined
    const parser = eventStreamParser((event) => {
      onEvent(event)
      if (event.event === 'run-finished') result = event.data
    })
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      parser.push(value)
    }
    parser.end()
    if (!result) throw new Error('The run ended without a result')
    return result
  },
}

/** Splits a `text/event-stream` body into named JSON events, whatever the chunking. */
export function eventStreamParser(onEvent: (event: RunEvent) => void) {
  let buffer = ''
  const dispatch = (block: string) => {
    let name = 'message'
    const data: string[] = []
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':')) continue
      const colon = line.indexOf(':')
      const field = colon === -1 ? line : line.slice(0, colon)
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
      if (field === 'event') name = value
      else if (field === 'data') data.push(value)
    }
    if (data.length === 0) return
    onEvent({ event: name, data: JSON.parse(data.join('\n')) } as RunEvent)
  }
  return {
    push(chunk: string) {
      buffer += chunk
      const blocks = buffer.split(/\r?\n\r?\n/)
      buffer = blocks.pop() ?? ''
      for (const block of blocks) dispatch(block)
    },
    end() {
      if (buffer.trim() !== '') dispatch(buffer)
      buffer = ''
    },
  }
}

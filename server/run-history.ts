/** The last runs of each workflow, newest first, with their full results (kept in memory). */
import type { RunResult } from '../workflow/index.js'

export interface RunSummary {
  runId: string
  startedAt: string
  success: boolean
  durationMs: number
}

interface Entry extends RunSummary {
  result: RunResult
}

export const DEFAULT_HISTORY_SIZE = 20

export class RunHistory {
  private readonly byWorkflow = new Map<string, Entry[]>()

  constructor(readonly size = DEFAULT_HISTORY_SIZE) {}

  add(workflowId: string, summary: RunSummary, result: RunResult) {
    const entries = [{ ...summary, result }, ...(this.byWorkflow.get(workflowId) ?? [])]
    this.byWorkflow.set(workflowId, entries.slice(0, this.size))
  }

  list(workflowId: string): RunSummary[] {
    return (this.byWorkflow.get(workflowId) ?? []).map(({ result: _, ...summary }) => summary)
  }

  get(workflowId: string, runId: string): RunResult | undefined {
    return this.byWorkflow.get(workflowId)?.find((entry) => entry.runId === runId)?.result
  }

  forget(workflowId: string) {
    this.byWorkflow.delete(workflowId)
  }
}

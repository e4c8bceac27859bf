/** The run results: each block with its status, duration and output (or error), secrets masked. */
import { History } from 'lucide-react'
import type { BlockRecord, RunResult, RunSummary } from '../api.js'
import { maskSecrets } from '../model/secrets.js'

const STATUS_TEXT: Record<string, string> = {
  running: 'running',
  success: 'success',
  error: 'failed',
  skipped: 'skipped',
}

export interface LiveRun {
  running: boolean
  result?: RunResult
  /** Records so far, in the order blocks started. */
  records: Array<BlockRecord | { id: string; name: string; status: 'running' }>
  error?: string
}

interface Props {
  run?: LiveRun
  pastRuns: RunSummary[]
  secrets: string[]
  onOpenRun: (runId: string) => void
}

const formatDuration = (ms: number) => (ms < 1 ? '<1 ms' : `${Math.round(ms)} ms`)

const formatJson = (value: unknown, secrets: string[]) =>
  JSON.stringify(maskSecrets(value, secrets), null, 2) ?? 'undefined'

export function Results({ run, pastRuns, secrets, onOpenRun }: Props) {
  const summary = !run
    ? 'No run yet.'
    : run.running
      ? 'Running…'
      : run.error
        ? `Run refused: ${run.error}`
        : run.result?.success
          ? 'Run succeeded'
          : `Run failed${run.result?.error ? `: ${maskSecrets(run.result.error, secrets)}` : ''}`
  return (
    <section className="results" aria-label="Run results">
      <header className="results-header">
        <h2>Run results</h2>
        <p className="run-summary" role="status">
          {summary}
        </p>
        {pastRuns.length > 0 && (
          <label className="past-runs">
            <History size={14} aria-hidden /> Past runs
            <select
              value=""
              onChange={(event) => event.target.value && onOpenRun(event.target.value)}
            >
              <option value="">Open a past run…</option>
              {pastRuns.map((past) => (
                <option key={past.runId} value={past.runId}>
                  {new Date(past.startedAt).toLocaleString()} ·{' '}
                  {past.success ? 'success' : 'failed'} · {formatDuration(past.durationMs)}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      {run && run.records.length > 0 && (
        <ul className="result-rows">
          {run.records.map((record) => (
            <li key={record.id} className={`result-row status-${record.status}`}>
              <div className="result-line">
                <span className="result-name">{record.name}</span>
                <span className="result-status">{STATUS_TEXT[record.status] ?? record.status}</span>
                {'durationMs' in record && (
                  <span className="result-duration">{formatDuration(record.durationMs)}</span>
                )}
              </div>
              {'error' in record && record.error && (
                <p className="result-error">{String(maskSecrets(record.error, secrets))}</p>
              )}
              {'output' in record && record.output !== undefined && record.status === 'success' && (
                <details>
                  <summary>Output</summary>
                  <pre>{formatJson(record.output, secrets)}</pre>
                </details>
              )}
              {'input' in record && record.input !== undefined && (
                <details>
                  <summary>Input</summary>
                  <pre>{formatJson(record.input, secrets)}</pre>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {run?.result && run.result.output !== undefined && !run.running && (
        <details className="run-output">
          <summary>Workflow output</summary>
          <pre>{formatJson(run.result.output, secrets)}</pre>
        </details>
      )}
    </section>
  )
}

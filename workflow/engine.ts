/**
 * `runWorkflow`: runs a Sim-format workflow. A block runs once every block it depends on has
 * finished; independent branches run at the same time; a condition follows one outgoing path and
 * the blocks only on paths it did not take are skipped; a failing block stops what depends on it.
 * It never throws: every outcome, including an invalid file and cancellation, is in the result.
 */
import { randomUUID } from 'node:crypto'
import { type BlockHandler, type BlockOutput, blockHandlers } from './handlers.js'
import { ERROR_HANDLE, labelOf, loadWorkflow } from './load.js'
import { isPathInSchema } from './outputs.js'
import {
  EMPTY,
  navigate,
  normalizeName,
  resolveValue,
  splitPath,
  type Token,
  type TokenResolver,
  tokensOf,
  UnresolvedReference,
} from './references.js'
import type { BlockState, WorkflowEdge, WorkflowFile } from './schema.js'
import { createMask, type Mask, REDACTED, type Secret } from './secrets.js'

export type BlockStatus = 'success' | 'error' | 'skipped'

export interface BlockRecord {
  id: string
  name: string
  type: string
  status: BlockStatus
  /** ISO time the block started (or was skipped). */
  startedAt: string
  durationMs: number
  /** The field values it ran with, references resolved, secrets masked. */
  input: Record<string, unknown>
  output?: BlockOutput
  error?: string
  /** Why a skipped block did not run. */
  reason?: string
  /** A failed block whose error path (its `error` handle) took over: the run goes on. */
  errorHandled?: boolean
}

export interface RunResult {
  runId: string
  success: boolean
  /** The Response block's output if one ran, else the last finished block's. */
  output: unknown
  error?: string
  blocks: BlockRecord[]
}

export interface BlockStartedEvent {
  runId: string
  blockId: string
  name: string
  type: string
  startedAt: string
}

export type RunEvent =
  | { type: 'block-started'; data: BlockStartedEvent }
  | { type: 'block-finished'; data: BlockRecord }
  | { type: 'run-finished'; data: RunResult }

export interface RunOptions {
  /** The run input, read by the Start block as `<start.field>`. */
  input?: unknown
  /** Values for `{{NAME}}`. */
  env?: Record<string, string>
  /** AgentPhone API base URL (e.g. a sandbox). */
  baseUrl?: string
  fetch?: typeof fetch
  signal?: AbortSignal
  onEvent?: (event: RunEvent) => void
  /** The block the run starts from; default the Start block (or, without one, every root). */
  startBlockId?: string
  runId?: string
}

const API_KEY_ENV = 'AGENTPHONE_API_KEY'

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsIn)
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn)
  return []
}

/** Every `{{NAME}}` value the workflow uses, the API key, and keys typed into fields. */
function secretsOf(workflow: WorkflowFile, env: Record<string, string>): Secret[] {
  const secrets: Secret[] = []
  const names = new Set<string>([API_KEY_ENV])
  for (const block of Object.values(workflow.state.blocks)) {
    for (const [id, subBlock] of Object.entries(block.subBlocks)) {
      for (const text of stringsIn(subBlock.value)) {
        for (const token of tokensOf(text)) if (token.kind === 'env') names.add(token.name)
        if (id === 'apiKey' && tokensOf(text).length === 0 && text.trim()) {
          secrets.push({ value: text.trim(), label: REDACTED })
        }
      }
    }
  }
  for (const name of names) {
    const value = env[name]
    if (typeof value === 'string' && value !== '') secrets.push({ value, label: `{{${name}}}` })
  }
  return secrets
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

class Run {
  readonly records = new Map<string, BlockRecord>()
  readonly outputs = new Map<string, BlockOutput>()
  readonly edgeState = new Map<string, 'active' | 'dead' | 'failed'>()
  readonly incoming = new Map<string, WorkflowEdge[]>()
  readonly outgoing = new Map<string, WorkflowEdge[]>()
  readonly byName = new Map<string, string>()
  readonly upstream = new Map<string, Set<string>>()
  readonly finishOrder: string[] = []
  private readonly secrets: Secret[]
  private currentMask: Mask
  /** Masks the run's secrets, including keys that only appear once a field is resolved. */
  readonly mask = (<T>(value: T): T => this.currentMask(value)) as Mask
  readonly blocks: Record<string, BlockState>
  private finished!: () => void
  readonly done = new Promise<void>((resolve) => {
    this.finished = resolve
  })

  constructor(
    readonly workflow: WorkflowFile,
    readonly runId: string,
    readonly options: RunOptions
  ) {
    this.blocks = workflow.state.blocks
    this.secrets = secretsOf(workflow, options.env ?? {})
    this.currentMask = createMask(this.secrets)
    for (const block of Object.values(this.blocks)) {
      this.incoming.set(block.id, [])
      this.outgoing.set(block.id, [])
      this.byName.set(normalizeName(block.name), block.id)
    }
    for (const edge of workflow.state.edges) {
      this.incoming.get(edge.target)?.push(edge)
      this.outgoing.get(edge.source)?.push(edge)
    }
  }

  /** The blocks a block depends on, directly or not: the only ones its references may read. */
  upstreamOf(id: string): Set<string> {
    const known = this.upstream.get(id)
    if (known) return known
    const found = new Set<string>()
    const stack = (this.incoming.get(id) ?? []).map((edge) => edge.source)
    while (stack.length > 0) {
      const source = stack.pop() as string
      if (found.has(source)) continue
      found.add(source)
      for (const edge of this.incoming.get(source) ?? []) stack.push(edge.source)
    }
    this.upstream.set(id, found)
    return found
  }

  /**
   * An API key field elsewhere that reads this block's output (say `apiKey: <start.key>`) makes that
   * value a secret now, before this block's own record and event report it.
   */
  private addKeysReadFrom(source: BlockState, output: BlockOutput) {
    const sourceName = normalizeName(source.name)
    for (const block of Object.values(this.blocks)) {
      const field = block.subBlocks.apiKey?.value
      if (typeof field !== 'string') continue
      for (const token of tokensOf(field)) {
        if (token.kind !== 'ref' || normalizeName(token.blockName) !== sourceName) continue
        let value: unknown
        try {
          value = navigate(output, splitPath(token.path, token.text))
        } catch {
          continue // a malformed path is reported when the key field itself is resolved
        }
        if (typeof value === 'string' && value.trim()) {
          this.addSecret({ value: value.trim(), label: REDACTED })
        }
      }
    }
  }

  addSecret(secret: Secret) {
    if (this.secrets.some(({ value }) => value === secret.value)) return
    this.secrets.push(secret)
    this.currentMask = createMask(this.secrets)
  }

  emit(event: RunEvent) {
    try {
      this.options.onEvent?.(event)
    } catch {
      // A listener's failure is not the run's.
    }
  }

  private resolveBlockReference(token: Extract<Token, { kind: 'ref' }>, forId: string): unknown {
    const name = normalizeName(token.blockName)
    const parts = splitPath(token.path, token.text)
    if (name === 'variable') {
      const variables = Object.values(this.workflow.state.variables ?? {})
      const [variableName, ...rest] = parts
      const variable = variables.find(
        (v) => normalizeName(v.name) === normalizeName(variableName ?? '')
      )
      if (!variable)
        throw new UnresolvedReference(
          `${token.text}: no workflow variable is named "${variableName}"`
        )
      return navigate(variable.value, rest) ?? EMPTY
    }
    if (name === 'loop' || name === 'parallel') {
      throw new UnresolvedReference(`${token.text}: ${name} references are not supported here`)
    }
    const id = this.byName.get(name)
    const block = id ? this.blocks[id] : undefined
    if (!id || !block)
      throw new UnresolvedReference(`${token.text}: no block is named "${token.blockName}"`)
    const self = this.blocks[forId]
    if (!this.upstreamOf(forId).has(id)) {
      throw new UnresolvedReference(
        `${token.text}: block "${block.name}" is not connected before "${self?.name ?? forId}", so its output is not available`
      )
    }
    const output = this.outputs.get(id)
    if (output === undefined) return EMPTY
    if (parts.length === 0) return output
    const value = navigate(output, parts)
    if (value !== undefined) return value
    const schema = blockHandlers[block.type]?.outputSchema?.(block)
    if (schema && isPathInSchema(schema, parts)) return EMPTY
    const available = Object.keys(schema ?? output)
    throw new UnresolvedReference(
      `${token.text}: "${parts.join('.')}" doesn't exist on block "${block.name}". Available fields: ${available.join(', ') || 'none'}`
    )
  }

  resolverFor(forId: string): TokenResolver {
    const env = this.options.env ?? {}
    return (token) => {
      if (token.kind === 'env') {
        if (!Object.hasOwn(env, token.name)) {
          throw new UnresolvedReference(`Environment variable {{${token.name}}} is not set`)
        }
        return env[token.name]
      }
      return this.resolveBlockReference(token, forId)
    }
  }

  private record(block: BlockState, record: Omit<BlockRecord, 'id' | 'name' | 'type'>) {
    const full = this.mask({ id: block.id, name: block.name, type: block.type, ...record })
    this.records.set(block.id, full)
    this.finishOrder.push(block.id)
    this.emit({ type: 'block-finished', data: full })
    if (this.records.size === Object.keys(this.blocks).length) this.finished()
  }

  /** Marks the block's outgoing edges and settles the blocks they lead to. */
  private release(id: string, state: (edge: WorkflowEdge) => 'active' | 'dead' | 'failed') {
    for (const edge of this.outgoing.get(id) ?? []) {
      this.edgeState.set(edge.id, state(edge))
      this.settle(edge.target)
    }
  }

  skip(block: BlockState, reason: string, propagate: 'dead' | 'failed' = 'dead') {
    if (this.records.has(block.id)) return
    this.record(block, {
      status: 'skipped',
      startedAt: new Date().toISOString(),
      durationMs: 0,
      input: {},
      reason,
    })
    this.release(block.id, () => propagate)
  }

  /** Runs or skips a block once all its incoming edges are decided. */
  settle(id: string) {
    const block = this.blocks[id]
    if (!block || this.records.has(id)) return
    const incoming = this.incoming.get(id) ?? []
    if (incoming.some((edge) => !this.edgeState.has(edge.id))) return
    const failed = incoming.find((edge) => this.edgeState.get(edge.id) === 'failed')
    if (failed) {
      const source = this.blocks[failed.source]
      return this.skip(
        block,
        `upstream block "${source?.name ?? failed.source}" did not succeed`,
        'failed'
      )
    }
    if (incoming.length > 0 && !incoming.some((edge) => this.edgeState.get(edge.id) === 'active')) {
      return this.skip(block, 'not on the path taken')
    }
    if (this.options.signal?.aborted) return this.skip(block, 'the run was cancelled')
    if (!block.enabled) return this.skip(block, 'the block is disabled')
    this.execute(block).catch((error) => {
      // Only a bug gets here; the run still ends, with this block failed.
      if (this.records.has(block.id)) return
      this.record(block, {
        status: 'error',
        startedAt: new Date().toISOString(),
        durationMs: 0,
        input: {},
        error: `Internal error: ${message(error)}`,
      })
      this.release(block.id, () => 'failed')
    })
  }

  private async execute(block: BlockState) {
    const handler: BlockHandler | undefined = blockHandlers[block.type]
    const startedAt = new Date()
    const started = performance.now()
    this.emit({
      type: 'block-started',
      data: this.mask({
        runId: this.runId,
        blockId: block.id,
        name: block.name,
        type: block.type,
        startedAt: startedAt.toISOString(),
      }),
    })
    const resolve = this.resolverFor(block.id)
    const raw = new Set(handler?.rawFields ?? [])
    const input: Record<string, unknown> = {}
    let output: BlockOutput | undefined
    let error: string | undefined
    try {
      if (!handler) throw new Error(`No runtime handler for blocks of type "${block.type}"`)
      for (const [fieldId, subBlock] of Object.entries(block.subBlocks)) {
        input[fieldId] = raw.has(fieldId) ? subBlock.value : resolveValue(subBlock.value, resolve)
      }
      // A key that arrives through a reference (say `<start.key>`) is a secret too.
      if (typeof input.apiKey === 'string' && input.apiKey.trim()) {
        this.addSecret({ value: input.apiKey.trim(), label: REDACTED })
      }
      output = await handler.run({
        block,
        values: input,
        resolve,
        input: this.options.input,
        execute: {
          baseUrl: this.options.baseUrl,
          fetch: this.options.fetch,
          signal: this.options.signal,
        },
        outgoing: this.outgoing.get(block.id) ?? [],
        blocks: this.blocks,
      })
    } catch (thrown) {
      error = message(thrown)
    }
    const common = {
      startedAt: startedAt.toISOString(),
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      input,
    }
    const onErrorPath = (edge: WorkflowEdge) => edge.sourceHandle === ERROR_HANDLE
    if (output !== undefined) {
      this.outputs.set(block.id, output)
      this.addKeysReadFrom(block, output)
      this.record(block, { status: 'success', ...common, output })
      const follows = handler?.follows
      this.release(block.id, (edge) =>
        !onErrorPath(edge) && (!follows || follows(edge, output)) ? 'active' : 'dead'
      )
      return
    }
    const failure = error ?? 'The block failed'
    // As in Sim: a block with an error path hands `{error}` to it instead of stopping there.
    if ((this.outgoing.get(block.id) ?? []).some(onErrorPath)) {
      const errorOutput = { error: failure }
      this.outputs.set(block.id, errorOutput)
      this.record(block, {
        status: 'error',
        ...common,
        error: failure,
        output: errorOutput,
        errorHandled: true,
      })
      this.release(block.id, (edge) => (onErrorPath(edge) ? 'active' : 'dead'))
      return
    }
    this.record(block, { status: 'error', ...common, error: failure })
    this.release(block.id, () => 'failed')
  }

  start() {
    const ids = Object.keys(this.blocks)
    if (ids.length === 0) return this.finished()
    const entry =
      this.options.startBlockId ??
      Object.values(this.blocks).find((block) => block.type === 'start_trigger')?.id
    if (entry !== undefined) {
      const start = this.blocks[entry]
      if (!start) throw new Error(`The start block "${entry}" is not in the workflow`)
      // Like Sim, only what is connected to the entry runs.
      const reachable = new Set([entry])
      const stack = [entry]
      while (stack.length > 0) {
        for (const edge of this.outgoing.get(stack.pop() as string) ?? []) {
          if (!reachable.has(edge.target)) stack.push(edge.target)
          reachable.add(edge.target)
        }
      }
      if ((this.incoming.get(entry) ?? []).length > 0) {
        throw new Error(`The start block ${labelOf(start)} cannot have incoming connections`)
      }
      for (const id of ids) {
        const block = this.blocks[id] as BlockState
        if (!reachable.has(id)) this.skip(block, `not connected to ${labelOf(start)}`)
      }
      this.settle(entry)
    } else {
      for (const id of ids) this.settle(id)
    }
  }

  result(): RunResult {
    const records = Object.keys(this.blocks).map((id) => this.records.get(id) as BlockRecord)
    const failed = records.find((record) => record.status === 'error' && !record.errorHandled)
    const cancelled = this.options.signal?.aborted === true
    const response = this.finishOrder.find(
      (id) => this.blocks[id]?.type === 'response' && this.outputs.has(id)
    )
    const last = [...this.finishOrder].reverse().find((id) => this.outputs.has(id))
    const outputId = response ?? last
    const error = failed
      ? `Block "${failed.name}" failed: ${failed.error}`
      : cancelled
        ? 'The run was cancelled'
        : undefined
    return this.mask({
      runId: this.runId,
      success: !error,
      output: outputId === undefined ? null : (this.outputs.get(outputId) ?? null),
      ...(error ? { error } : {}),
      blocks: records,
    })
  }
}

export async function runWorkflow(workflow: unknown, options: RunOptions = {}): Promise<RunResult> {
  const runId = options.runId ?? randomUUID()
  const finish = (result: RunResult) => {
    try {
      options.onEvent?.({ type: 'run-finished', data: result })
    } catch {
      // A listener's failure is not the run's.
    }
    return result
  }
  const loaded = loadWorkflow(workflow)
  if (!loaded.ok)
    return finish({ runId, success: false, output: null, error: loaded.error, blocks: [] })
  const run = new Run(loaded.workflow, runId, options)
  try {
    run.start()
  } catch (error) {
    return finish(
      run.mask({ runId, success: false, output: null, error: message(error), blocks: [] })
    )
  }
  await run.done
  return finish(run.result())
}

/** The editor: toolbar, palette, canvas, the selected block's panel and the run results. */
import type { Connection } from '@xyflow/react'
import { Download, FilePlus2, KeyRound, Play, Save, Upload } from 'lucide-react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { api, type RunResult, type RunSummary, type WorkflowSummary } from './api.js'
import { BlockPanel } from './components/BlockPanel.js'
import { Canvas, type CanvasHandle, type RunState } from './components/Canvas.js'
import { EnvironmentDialog, RunInputsDialog, type StartInput } from './components/Dialogs.js'
import { Palette, TRIGGER_SEPARATOR } from './components/Palette.js'
import { type LiveRun, Results } from './components/Results.js'
import { referenceOptions, rowsOf } from './model/references.js'
import { secretsOf } from './model/secrets.js'
import { type BlockProblems, hasProblems, validateBlock } from './model/validate.js'
import {
  addBlock,
  connect,
  emptyWorkflow,
  exportDocument,
  nameOf,
  parseDocument,
  type Registry,
  removeBlocks,
  removeEdges,
  renameBlock,
  setValue,
  updateBlock,
  valuesOf,
  type WorkflowDocument,
} from './model/workflow.js'
import { triggers } from './registry.js'

type SaveState = 'saved' | 'saving' | 'unsaved' | 'failed'

const newWorkflowId = () => `wf-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

const workflowIdFromUrl = () => new URLSearchParams(window.location.hash.slice(1)).get('workflow')

const runStatesOf = (result: RunResult): Record<string, RunState> =>
  Object.fromEntries(result.blocks.map((record) => [record.id, record.status]))

async function problemsOf(doc: WorkflowDocument, registry: Registry) {
  const found: Record<string, BlockProblems> = {}
  for (const block of Object.values(doc.state.blocks)) {
    const config = registry[block.type]
    // A block in trigger mode runs no operation: there are no operation params to check.
    if (!config || block.triggerMode === true) continue
    const problems = await validateBlock(config, valuesOf(block))
    if (hasProblems(problems)) found[block.id] = problems
  }
  return found
}

export function App({ registry }: { registry: Registry }) {
  const [workflowId, setWorkflowId] = useState<string | null>(null)
  const [doc, setDoc] = useState<WorkflowDocument | null>(null)
  const [workflows, setWorkflows] = useState<WorkflowSummary[]>([])
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [envNames, setEnvNames] = useState<string[]>([])
  const [saveState, setSaveState] = useState<SaveState>('saved')
  const [notice, setNotice] = useState<string>()
  const [run, setRun] = useState<LiveRun>()
  const [runStates, setRunStates] = useState<Record<string, RunState>>({})
  const [pastRuns, setPastRuns] = useState<RunSummary[]>([])
  const [problems, setProblems] = useState<Record<string, BlockProblems>>({})
  const [dialog, setDialog] = useState<'env' | 'inputs' | null>(null)
  const canvas = useRef<CanvasHandle>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const latest = useRef<{ id: string | null; doc: WorkflowDocument | null }>({
    id: null,
    doc: null,
  })
  const saving = useRef<Promise<void>>(Promise.resolve())
  const dirty = useRef(false)
  latest.current = { id: workflowId, doc }

  const fail = useCallback(
    (error: unknown) => setNotice((error as Error).message ?? String(error)),
    []
  )

  const refreshList = useCallback(
    () =>
      api
        .listWorkflows()
        .then(({ workflows: list }) => setWorkflows(list))
        .catch(fail),
    [fail]
  )

  const open = useCallback(async (id: string) => {
    const loaded = await api.getWorkflow(id)
    dirty.current = false
    setWorkflowId(id)
    setDoc(loaded)
    setSelectedId(null)
    setRun(undefined)
    setRunStates({})
    setSaveState('saved')
    window.location.hash = `workflow=${encodeURIComponent(id)}`
    api
      .listRuns(id)
      .then(({ runs }) => setPastRuns(runs))
      .catch(() => setPastRuns([]))
  }, [])

  const create = useCallback(
    async (document: WorkflowDocument) => {
      const id = newWorkflowId()
      await api.saveWorkflow(id, document)
      await open(id)
      await refreshList()
    },
    [open, refreshList]
  )

  // Saves are queued so that an older document never lands after a newer one.
  const save = useCallback(() => {
    const next = saving.current.then(async () => {
      const { id, doc: current } = latest.current
      if (!id || !current || !dirty.current) return
      dirty.current = false
      setSaveState('saving')
      try {
        await api.saveWorkflow(id, current)
        setSaveState(dirty.current ? 'unsaved' : 'saved')
      } catch (error) {
        dirty.current = true
        setSaveState('failed')
        fail(error)
      }
    })
    saving.current = next
    return next
  }, [fail])

  useEffect(() => {
    const start = async () => {
      const { names } = await api.envNames()
      setEnvNames(names)
      const { workflows: list } = await api.listWorkflows()
      setWorkflows(list)
      const wanted = workflowIdFromUrl()
      if (wanted) await open(wanted)
      else await create(emptyWorkflow('Untitled workflow'))
    }
    start().catch(fail)
  }, [open, create, fail])

  // Edits autosave shortly after they stop.
  useEffect(() => {
    if (!doc || !dirty.current) return
    const timer = setTimeout(() => void save(), 400)
    return () => clearTimeout(timer)
  }, [doc, save])

  // Values are checked as they change, so problems show before a run.
  useEffect(() => {
    if (!doc) return
    let current = true
    const timer = setTimeout(() => {
      problemsOf(doc, registry).then((found) => current && setProblems(found))
    }, 250)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [doc, registry])

  const edit = (change: (document: WorkflowDocument) => WorkflowDocument) => {
    dirty.current = true
    setSaveState('unsaved')
    setDoc((current) => (current ? change(current) : current))
  }

  /** `type` is a block type, or `<block type>#<trigger id>` for a block in trigger mode. */
  const add = (type: string, position?: { x: number; y: number }) => {
    const [blockType = type, triggerId] = type.split(TRIGGER_SEPARATOR)
    const config = registry[blockType]
    if (!config || !doc) return
    const at = position ?? canvas.current?.nextPosition() ?? { x: 0, y: 0 }
    const added = addBlock(doc, config, at, undefined, triggerId)
    dirty.current = true
    setSaveState('unsaved')
    setDoc(added.doc)
    setSelectedId(added.id)
  }

  const onConnect = (connection: Connection) => {
    if (!doc) return
    const result = connect(doc, {
      source: connection.source,
      target: connection.target,
      sourceHandle: connection.sourceHandle ?? 'source',
      targetHandle: connection.targetHandle ?? 'target',
    })
    if (result.error) setNotice(result.error)
    else edit(() => result.doc)
  }

  const startRun = async (input: Record<string, unknown>) => {
    if (!workflowId) return
    setDialog(null)
    dirty.current = true
    await save()
    setRun({ running: true, records: [] })
    setRunStates({})
    try {
      const result = await api.run(workflowId, input, (event) => {
        if (event.event === 'block-started') {
          const { blockId, name } = event.data
          setRunStates((states) => ({ ...states, [blockId]: 'running' }))
          setRun((live) => ({
            running: true,
            records: [...(live?.records ?? []), { id: blockId, name, status: 'running' }],
          }))
        } else if (event.event === 'block-finished') {
          const record = event.data
          setRunStates((states) => ({ ...states, [record.id]: record.status }))
          setRun((live) => {
            const records = live?.records ?? []
            const known = records.some((item) => item.id === record.id)
            return {
              running: true,
              records: known
                ? records.map((item) => (item.id === record.id ? record : item))
                : [...records, record],
            }
          })
        }
      })
      setRun({ running: false, result, records: result.blocks })
      setRunStates(runStatesOf(result))
      api
        .listRuns(workflowId)
        .then(({ runs }) => setPastRuns(runs))
        .catch(() => undefined)
    } catch (error) {
      setRun({ running: false, records: [], error: (error as Error).message })
    }
  }

  const startInputs: StartInput[] = useMemo(() => {
    if (!doc) return []
    return Object.values(doc.state.blocks).flatMap((block) => {
      const config = registry[block.type]
      if (config?.category !== 'triggers') return []
      const values = valuesOf(block)
      return config.subBlocks
        .filter((subBlock) => (subBlock.type as string) === 'input-format')
        .flatMap((subBlock) => rowsOf(values[subBlock.id]))
        .filter((row) => typeof row.name === 'string' && row.name.trim() !== '')
        .map((row) => ({
          name: String(row.name).trim(),
          type: String(row.type ?? 'string'),
          value: row.value === undefined || row.value === null ? '' : String(row.value),
        }))
    })
  }, [doc, registry])

  const onRun = async () => {
    if (!doc) return
    const found = await problemsOf(doc, registry)
    setProblems(found)
    const flagged = Object.entries(found)
    if (flagged.length > 0) {
      const [blockId, first] = flagged[0] as [string, BlockProblems]
      const message = first.block[0] ?? Object.values(first.fields)[0]
      setSelectedId(blockId)
      setRun({
        running: false,
        records: [],
        error: `fix ${doc.state.blocks[blockId]?.name ?? 'the block'} first: ${message}`,
      })
      return
    }
    if (startInputs.length > 0) setDialog('inputs')
    else await startRun({})
  }

  const openRun = async (runId: string) => {
    if (!workflowId) return
    try {
      const result = await api.getRun(workflowId, runId)
      setRun({ running: false, result, records: result.blocks })
      setRunStates(runStatesOf(result))
    } catch (error) {
      fail(error)
    }
  }

  const exportFile = () => {
    if (!doc) return
    const text = `${JSON.stringify(exportDocument(doc), null, 2)}\n`
    const link = document.createElement('a')
    link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
    link.download = `${
      nameOf(doc)
        .replace(/[^\w.-]+/g, '-')
        .toLowerCase() || 'workflow'
    }.json`
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(link.href), 1000)
  }

  const importFile = async (file: File) => {
    try {
      const imported = parseDocument(await file.text(), registry)
      await create(imported)
    } catch (error) {
      fail(error)
    }
  }

  const selected = selectedId && doc ? doc.state.blocks[selectedId] : undefined
  const selectedConfig = selected ? registry[selected.type] : undefined
  const references = useMemo(
    () => (doc && selectedId ? referenceOptions(doc, registry, selectedId) : []),
    [doc, registry, selectedId]
  )
  const secrets = useMemo(() => (doc ? secretsOf(doc, registry) : []), [doc, registry])

  return (
    <div className="app">
      <header className="toolbar">
        <h1>AgentPhone workflows</h1>
        <label className="toolbar-field">
          Workflow
          <select
            value={workflowId ?? ''}
            onChange={(event) => open(event.target.value).catch(fail)}
            onFocus={() => void refreshList()}
          >
            {workflowId && !workflows.some((item) => item.id === workflowId) && (
              <option value={workflowId}>{doc ? nameOf(doc) : workflowId}</option>
            )}
            {workflows.map((item) => (
              <option key={item.id} value={item.id}>
                {item.id === workflowId && doc ? nameOf(doc) : item.name}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar-field">
          Workflow name
          <input
            value={doc ? nameOf(doc) : ''}
            onChange={(event) => {
              const name = event.target.value
              edit((current) => ({
                ...current,
                state: { ...current.state, metadata: { ...current.state.metadata, name } },
              }))
            }}
          />
        </label>
        <button
          type="button"
          onClick={() => create(emptyWorkflow('Untitled workflow')).catch(fail)}
        >
          <FilePlus2 size={16} aria-hidden /> New
        </button>
        <button
          type="button"
          onClick={() => {
            dirty.current = true
            void save()
          }}
        >
          <Save size={16} aria-hidden /> Save
        </button>
        <span className={`save-state save-${saveState}`} role="status">
          {
            { saved: 'Saved', saving: 'Saving…', unsaved: 'Unsaved changes', failed: 'Not saved' }[
              saveState
            ]
          }
        </span>
        <button type="button" onClick={() => fileInput.current?.click()}>
          <Upload size={16} aria-hidden /> Import
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label="Workflow file to import"
          onChange={(event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (file) void importFile(file)
          }}
        />
        <button type="button" onClick={exportFile}>
          <Download size={16} aria-hidden /> Export
        </button>
        <button type="button" onClick={() => setDialog('env')}>
          <KeyRound size={16} aria-hidden /> Environment
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void onRun()}
          disabled={run?.running}
        >
          <Play size={16} aria-hidden /> Run
        </button>
      </header>
      {notice && (
        <div className="notice" role="alert">
          {notice}
          <button type="button" onClick={() => setNotice(undefined)}>
            Dismiss
          </button>
        </div>
      )}
      <main className="workspace">
        <Palette
          configs={Object.values(registry)}
          triggers={triggers}
          onAdd={(type) => add(type)}
        />
        {doc && (
          <Canvas
            key={workflowId}
            ref={canvas}
            doc={doc}
            registry={registry}
            selectedId={selectedId}
            runStates={runStates}
            onSelect={setSelectedId}
            onAdd={add}
            onMove={(id, position) =>
              edit((current) => updateBlock(current, id, (block) => ({ ...block, position })))
            }
            onDelete={(ids) => {
              edit((current) => removeBlocks(current, ids))
              if (selectedId && ids.includes(selectedId)) setSelectedId(null)
            }}
            onConnect={onConnect}
            onDeleteEdges={(ids) => edit((current) => removeEdges(current, ids))}
          />
        )}
        <aside className="side-panel">
          {selected && selectedConfig && doc ? (
            <BlockPanel
              key={selected.id}
              block={selected}
              config={selectedConfig}
              references={references}
              envNames={envNames}
              problems={problems[selected.id]}
              onChange={(subBlockId, type, value) =>
                edit((current) => setValue(current, selected.id, subBlockId, type, value))
              }
              onRename={(name) => {
                const result = renameBlock(doc, selected.id, name)
                if (!result.error) edit(() => result.doc)
                return result.error
              }}
              onAdvanced={(advanced) =>
                edit((current) =>
                  updateBlock(current, selected.id, (block) => ({
                    ...block,
                    advancedMode: advanced,
                  }))
                )
              }
              onDelete={() => {
                edit((current) => removeBlocks(current, [selected.id]))
                setSelectedId(null)
              }}
            />
          ) : (
            <p className="panel-empty">Select a block to edit it, or add one from the palette.</p>
          )}
        </aside>
        <Results
          run={run}
          pastRuns={pastRuns}
          secrets={secrets}
          onOpenRun={(id) => void openRun(id)}
        />
      </main>
      {dialog === 'env' && (
        <EnvironmentDialog
          names={envNames}
          onSet={async (name, value) => {
            await api.setEnv(name, value)
            setEnvNames((await api.envNames()).names)
          }}
          onDelete={async (name) => {
            await api.deleteEnv(name).catch(fail)
            setEnvNames((await api.envNames()).names)
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'inputs' && (
        <RunInputsDialog
          inputs={startInputs}
          onRun={(input) => void startRun(input)}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  )
}

/** The canvas: blocks as React Flow nodes, edges as connections, drops from the palette. */
import {
  applyNodeChanges,
  Background,
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  Handle,
  type Node,
  type NodeChange,
  type NodeProps,
  Position,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react'
import { CheckCircle2, CircleSlash, Loader2, XCircle } from 'lucide-react'
import {
  type DragEvent,
  Fragment,
  forwardRef,
  useEffect,
  useImperativeHandle,
  useMemo,
  useState,
} from 'react'
import { type BlockConfig, subBlocksOf } from '../model/config.js'
import { rowsOf } from '../model/references.js'
import { sentenceOf } from '../model/sentence.js'
import type { BlockState, Registry, WorkflowDocument } from '../model/workflow.js'
import { valuesOf } from '../model/workflow.js'
import { triggers as workflowTriggers } from '../registry.js'

export type RunState = 'running' | 'success' | 'error' | 'skipped'

export const BLOCK_MIME = 'application/x-agentphone-block'

interface BlockNodeData extends Record<string, unknown> {
  block: BlockState
  config: BlockConfig
  runState?: RunState
}

type BlockNode = Node<BlockNodeData, 'block'>

const RUN_BADGES: Record<RunState, { label: string; Icon: typeof CheckCircle2 }> = {
  running: { label: 'Running', Icon: Loader2 },
  success: { label: 'Succeeded', Icon: CheckCircle2 },
  error: { label: 'Failed', Icon: XCircle },
  skipped: { label: 'Skipped', Icon: CircleSlash },
}

function BlockCard({ data, selected }: NodeProps<BlockNode>) {
  const { block, config, runState } = data
  const values = valuesOf(block)
  const trigger = block.triggerMode
    ? workflowTriggers.find((item) => item.id === values.selectedTriggerId)
    : undefined
  const sentence = trigger ? null : sentenceOf(config, values, block.advancedMode === true)
  const Icon = config.icon
  const badge = runState ? RUN_BADGES[runState] : undefined
  const branches =
    block.type === 'condition'
      ? rowsOf(values[subBlocksOf(config).find((s) => s.type === 'condition-input')?.id ?? ''])
      : []
  const inputs = subBlocksOf(config)
    .filter((subBlock) => subBlock.type === 'input-format')
    .flatMap((subBlock) => rowsOf(values[subBlock.id]))
    .map((row) => String(row.name ?? ''))
    .filter((name) => name !== '')
  return (
    <div className={`card${selected ? ' selected' : ''}${runState ? ` run-${runState}` : ''}`}>
      {config.category !== 'triggers' && block.triggerMode !== true && (
        <Handle
          type="target"
          position={Position.Left}
          id="target"
          aria-label={`${block.name} input`}
        />
      )}
      <div className="card-header">
        <span className="block-icon" style={{ background: config.bgColor }}>
          <Icon width={16} height={16} aria-hidden />
        </span>
        <span className="card-title">{block.name}</span>
        {badge && (
          <span className={`run-badge run-${runState}`} role="status">
            <badge.Icon size={14} aria-hidden className={runState === 'running' ? 'spin' : ''} />
            {badge.label}
          </span>
        )}
      </div>
      <div className="card-body">
        {sentence ? (
          <p className="sentence">
            {sentence.map((part, index) => {
              // A space between parts, except before punctuation that opens a clause (", with").
              const next = sentence[index + 1]
              const gap = next && !/^[,.;:]/.test(next.text) ? ' ' : ''
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a sentence's parts have no identity
                <Fragment key={index}>
                  {part.kind === 'text' ? (
                    part.text
                  ) : (
                    <span className={`chip${part.empty ? ' empty' : ''}`} data-field={part.field}>
                      {part.text}
                    </span>
                  )}
                  {gap}
                </Fragment>
              )
            })}
          </p>
        ) : inputs.length > 0 ? (
          <p className="sentence">
            Starts with{' '}
            {inputs.map((name) => (
              <span key={name} className="chip">
                {name}
              </span>
            ))}
          </p>
        ) : trigger ? (
          <p className="sentence">
            Runs on <span className="chip">{trigger.name}</span>
          </p>
        ) : (
          <p className="sentence muted">{config.description}</p>
        )}
        {branches.map((branch) => (
          <div className="branch" key={String(branch.id)}>
            <span>
              {String(branch.title)} {branch.title === 'else' ? '' : String(branch.value ?? '')}
            </span>
            <Handle
              type="source"
              position={Position.Right}
              id={`condition-${String(branch.id)}`}
              aria-label={`${block.name} ${String(branch.title)} branch`}
              className="branch-handle"
            />
          </div>
        ))}
      </div>
      {branches.length === 0 && (
        <Handle
          type="source"
          position={Position.Right}
          id="source"
          aria-label={`${block.name} output`}
        />
      )}
    </div>
  )
}

const nodeTypes = { block: BlockCard }

interface Props {
  doc: WorkflowDocument
  registry: Registry
  selectedId: string | null
  runStates: Record<string, RunState>
  onSelect: (id: string | null) => void
  onAdd: (type: string, position: { x: number; y: number }) => void
  onMove: (id: string, position: { x: number; y: number }) => void
  onDelete: (ids: string[]) => void
  onConnect: (connection: Connection) => void
  onDeleteEdges: (ids: string[]) => void
}

export interface CanvasHandle {
  /** Where a block added without a drop lands: the visible middle, staggered. */
  nextPosition: () => { x: number; y: number }
}

export const Canvas = forwardRef<CanvasHandle, Props>(function Canvas(props, ref) {
  const { doc, registry, selectedId, runStates } = props
  const flow = useReactFlow()
  const [nodes, setNodes] = useState<BlockNode[]>([])
  // Fit a workflow that opens with blocks; never jump the view while blocks are being added.
  const [fitOnOpen] = useState(() => Object.keys(doc.state.blocks).length > 0)

  useImperativeHandle(ref, () => ({
    nextPosition: () => {
      const pane = document.querySelector('.react-flow')?.getBoundingClientRect()
      const centre = pane
        ? flow.screenToFlowPosition({
            x: pane.left + pane.width / 3,
            y: pane.top + pane.height / 3,
          })
        : { x: 0, y: 0 }
      const offset = (Object.keys(doc.state.blocks).length % 6) * 40
      return { x: Math.round(centre.x + offset * 2), y: Math.round(centre.y + offset) }
    },
  }))

  // Nodes follow the document, keeping what React Flow measured about each.
  useEffect(() => {
    setNodes((previous) => {
      const byId = new Map(previous.map((node) => [node.id, node]))
      return Object.values(doc.state.blocks).flatMap((block) => {
        const config = registry[block.type]
        if (!config) return []
        const node: BlockNode = {
          ...byId.get(block.id),
          id: block.id,
          type: 'block',
          position: block.position,
          ariaLabel: block.name,
          selected: block.id === selectedId,
          data: { block, config, runState: runStates[block.id] },
        }
        return [node]
      })
    })
  }, [doc, registry, selectedId, runStates])

  const edges: Edge[] = useMemo(
    () =>
      doc.state.edges.map((edge) => ({
        id: edge.id,
        source: edge.source,
        target: edge.target,
        sourceHandle: edge.sourceHandle ?? null,
        targetHandle: edge.targetHandle ?? null,
        ariaLabel: `Connection from ${doc.state.blocks[edge.source]?.name} to ${doc.state.blocks[edge.target]?.name}`,
      })),
    [doc]
  )

  const onNodesChange = (changes: NodeChange<BlockNode>[]) => {
    setNodes((current) => applyNodeChanges(changes, current))
    const removed: string[] = []
    let selection: string | null | undefined
    for (const change of changes) {
      if (change.type === 'position' && change.position) {
        props.onMove(change.id, {
          x: Math.round(change.position.x),
          y: Math.round(change.position.y),
        })
      } else if (change.type === 'select' && change.selected) selection = change.id
      else if (change.type === 'select' && change.id === selectedId) selection ??= null
      else if (change.type === 'remove') removed.push(change.id)
    }
    // One click deselects the old block and selects the new one, in either order.
    if (selection !== undefined) props.onSelect(selection)
    if (removed.length > 0) props.onDelete(removed)
  }

  const onEdgesChange = (changes: EdgeChange[]) => {
    const removed = changes.flatMap((change) => (change.type === 'remove' ? [change.id] : []))
    if (removed.length > 0) props.onDeleteEdges(removed)
  }

  const onDrop = (event: DragEvent) => {
    const type = event.dataTransfer.getData(BLOCK_MIME)
    if (!type) return
    event.preventDefault()
    const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY })
    props.onAdd(type, { x: Math.round(position.x), y: Math.round(position.y) })
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the drop target for palette drags (keyboard users press Enter on an item)
    <div
      className="canvas"
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(BLOCK_MIME)) {
          event.preventDefault()
          event.dataTransfer.dropEffect = 'copy'
        }
      }}
      onDrop={onDrop}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={props.onConnect}
        onPaneClick={() => props.onSelect(null)}
        deleteKeyCode={['Backspace', 'Delete']}
        fitView={fitOnOpen}
        fitViewOptions={{ maxZoom: 1, padding: 0.1 }}
        minZoom={0.25}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls />
      </ReactFlow>
    </div>
  )
})

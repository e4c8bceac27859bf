/**
 * The workflow document in Sim's export format, and the edits the editor makes to it. The editor
 * keeps the document itself as its state, so what is saved, exported and run is what is shown.
 */
import { type BlockConfig, type BlockValues, initialValuesOf, subBlocksOf } from './config.js'

export interface SubBlockState {
  id: string
  type: string
  value: unknown
}

export interface BlockState {
  id: string
  type: string
  name: string
  position: { x: number; y: number }
  subBlocks: Record<string, SubBlockState>
  outputs: Record<string, unknown>
  enabled: boolean
  advancedMode?: boolean
  /** Sim's trigger mode: the block starts the workflow on an event instead of running an operation. */
  triggerMode?: boolean
}

export interface EdgeState {
  id: string
  source: string
  target: string
  sourceHandle?: string
  targetHandle?: string
}

export interface WorkflowState {
  blocks: Record<string, BlockState>
  edges: EdgeState[]
  loops: Record<string, unknown>
  parallels: Record<string, unknown>
  variables?: Record<string, unknown>
  metadata?: { name?: string; description?: string; [key: string]: unknown }
}

export interface WorkflowDocument {
  version: string
  exportedAt: string
  state: WorkflowState
}

export type Registry = Record<string, BlockConfig>

export const emptyWorkflow = (name: string): WorkflowDocument => ({
  version: '1.0',
  exportedAt: new Date().toISOString(),
  state: { blocks: {}, edges: [], loops: {}, parallels: {}, variables: {}, metadata: { name } },
})

export const nameOf = (doc: WorkflowDocument) => doc.state.metadata?.name ?? 'Untitled workflow'

/** How references spell a block: its name lowercased with spaces removed (as in Sim). */
export const referenceNameOf = (name: string) => name.toLowerCase().replace(/\s+/g, '')

export const valuesOf = (block: BlockState): BlockValues =>
  Object.fromEntries(Object.entries(block.subBlocks).map(([id, state]) => [id, state.value]))

/** Sim's naming: the block's name, then the first free number ("AgentPhone 1", "AgentPhone 2"). */
export function nextBlockName(doc: WorkflowDocument, config: BlockConfig): string {
  const taken = new Set(Object.values(doc.state.blocks).map((block) => referenceNameOf(block.name)))
  // A trigger such as Start is normally alone and is referenced as <start>.
  if (config.category === 'triggers' && !taken.has(referenceNameOf(config.name))) {
    return config.name
  }
  for (let n = 1; ; n++) {
    const name = `${config.name} ${n}`
    if (!taken.has(referenceNameOf(name))) return name
  }
}

const newId = () =>
  globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36)}`

export function addBlock(
  doc: WorkflowDocument,
  config: BlockConfig,
  position: { x: number; y: number },
  id: string = newId(),
  /** Adds it in trigger mode (Sim's `triggerMode`), set to this trigger. */
  triggerId?: string
): { doc: WorkflowDocument; id: string } {
  const values: BlockValues = {
    ...initialValuesOf(config),
    ...(triggerId ? { selectedTriggerId: triggerId } : {}),
  }
  const subBlocks: Record<string, SubBlockState> = {}
  for (const subBlock of subBlocksOf(config)) {
    subBlocks[subBlock.id] = {
      id: subBlock.id,
      type: subBlock.type,
      value: initialValueFor(subBlock.type, id, values[subBlock.id]),
    }
  }
  const block: BlockState = {
    id,
    type: config.type,
    name: nextBlockName(doc, config),
    position,
    subBlocks,
    outputs: {},
    enabled: true,
    ...(triggerId ? { triggerMode: true } : {}),
  }
  return { doc: withBlocks(doc, { ...doc.state.blocks, [id]: block }), id }
}

/** Composite fields start with the rows Sim gives a new block. */
function initialValueFor(type: string, blockId: string, value: unknown): unknown {
  if (value !== undefined) return value
  if (type === 'condition-input') {
    return JSON.stringify([
      { id: `${blockId}-if`, title: 'if', value: '' },
      { id: `${blockId}-else`, title: 'else', value: '' },
    ])
  }
  if (type === 'switch') return false
  return null
}

const withBlocks = (doc: WorkflowDocument, blocks: Record<string, BlockState>) => ({
  ...doc,
  state: { ...doc.state, blocks },
})

export function updateBlock(
  doc: WorkflowDocument,
  id: string,
  update: (block: BlockState) => BlockState
): WorkflowDocument {
  const block = doc.state.blocks[id]
  if (!block) return doc
  return withBlocks(doc, { ...doc.state.blocks, [id]: update(block) })
}

export function setValue(
  doc: WorkflowDocument,
  id: string,
  subBlockId: string,
  type: string,
  value: unknown
) {
  return updateBlock(doc, id, (block) => ({
    ...block,
    subBlocks: { ...block.subBlocks, [subBlockId]: { id: subBlockId, type, value } },
  }))
}

export function removeBlocks(doc: WorkflowDocument, ids: Iterable<string>): WorkflowDocument {
  const gone = new Set(ids)
  const blocks = Object.fromEntries(
    Object.entries(doc.state.blocks).filter(([id]) => !gone.has(id))
  )
  const edges = doc.state.edges.filter((edge) => !gone.has(edge.source) && !gone.has(edge.target))
  return { ...doc, state: { ...doc.state, blocks, edges } }
}

/** Adds an edge unless the same one exists or it would close a cycle. */
export function connect(
  doc: WorkflowDocument,
  edge: Omit<EdgeState, 'id'>
): { doc: WorkflowDocument; error?: string } {
  const { source, target } = edge
  if (source === target) return { doc, error: 'A block cannot connect to itself' }
  if (upstreamOf(doc, source).has(target)) {
    return { doc, error: 'That connection would make a cycle' }
  }
  const same = doc.state.edges.some(
    (existing) =>
      existing.source === source &&
      existing.target === target &&
      (existing.sourceHandle ?? 'source') === (edge.sourceHandle ?? 'source')
  )
  if (same) return { doc }
  const created: EdgeState = { id: newId(), ...edge }
  return { doc: { ...doc, state: { ...doc.state, edges: [...doc.state.edges, created] } } }
}

export const removeEdges = (doc: WorkflowDocument, ids: Iterable<string>): WorkflowDocument => {
  const gone = new Set(ids)
  return {
    ...doc,
    state: { ...doc.state, edges: doc.state.edges.filter((edge) => !gone.has(edge.id)) },
  }
}

/** Every block a block depends on, directly or not. */
export function upstreamOf(doc: WorkflowDocument, id: string): Set<string> {
  const found = new Set<string>()
  const pending = [id]
  while (pending.length > 0) {
    const current = pending.pop() as string
    for (const edge of doc.state.edges) {
      if (edge.target === current && !found.has(edge.source)) {
        found.add(edge.source)
        pending.push(edge.source)
      }
    }
  }
  return found
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Rewrites `<old...>` references in a value, however deeply it is nested. */
function renameReferences(value: unknown, from: RegExp, to: string): unknown {
  if (typeof value === 'string') return value.replace(from, `<${to}$1`)
  if (Array.isArray(value)) return value.map((item) => renameReferences(item, from, to))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, renameReferences(item, from, to)])
    )
  }
  return value
}

/** Renames a block; every reference to it in other blocks follows the new name. */
export function renameBlock(
  doc: WorkflowDocument,
  id: string,
  name: string
): { doc: WorkflowDocument; error?: string } {
  const block = doc.state.blocks[id]
  const trimmed = name.trim()
  if (!block) return { doc }
  if (trimmed === '') return { doc, error: 'A block needs a name' }
  const newRef = referenceNameOf(trimmed)
  const clash = Object.values(doc.state.blocks).some(
    (other) => other.id !== id && referenceNameOf(other.name) === newRef
  )
  if (clash) return { doc, error: `Another block is already referenced as <${newRef}>` }
  const oldRef = referenceNameOf(block.name)
  const from = new RegExp(`<${escapeRegExp(oldRef)}([.[>])`, 'g')
  const blocks = Object.fromEntries(
    Object.entries(doc.state.blocks).map(([blockId, current]) => {
      const subBlocks = Object.fromEntries(
        Object.entries(current.subBlocks).map(([subId, state]) => [
          subId,
          { ...state, value: renameReferences(state.value, from, newRef) },
        ])
      )
      return [blockId, { ...current, subBlocks, name: blockId === id ? trimmed : current.name }]
    })
  )
  return { doc: withBlocks(doc, blocks) }
}

/** The document as it is exported: Sim's file, stamped now. */
export const exportDocument = (doc: WorkflowDocument): WorkflowDocument => ({
  ...doc,
  exportedAt: new Date().toISOString(),
})

/**
 * Reads an imported file: Sim's export shape with the parts the editor needs. Throws an Error
 * that says what is wrong; the server validates fully when the document is saved.
 */
export function parseDocument(text: string, registry: Registry): WorkflowDocument {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new Error(`The file is not JSON: ${(error as Error).message}`)
  }
  const doc = data as Partial<WorkflowDocument>
  const state = doc?.state
  if (!state || typeof state !== 'object' || typeof state.blocks !== 'object' || !state.blocks) {
    throw new Error('The file is not a Sim workflow export: it has no state.blocks')
  }
  if (!Array.isArray(state.edges)) {
    throw new Error('The file is not a Sim workflow export: state.edges is not a list')
  }
  for (const [id, block] of Object.entries(state.blocks)) {
    if (!registry[block?.type]) {
      throw new Error(`Block ${block?.name ?? id} has an unknown type "${block?.type}"`)
    }
  }
  return {
    version: String(doc.version ?? '1.0'),
    exportedAt: String(doc.exportedAt ?? new Date().toISOString()),
    state: { ...state, loops: state.loops ?? {}, parallels: state.parallels ?? {} },
  }
}

/**
 * The examples import into Sim unchanged: the checks of Sim's `parseWorkflowJson` (import-export.ts)
 * pass, and every block uses Sim's block type, field ids and field types.
 */
import { describe, expect, it } from 'vitest'
import { loadWorkflow, workflowBlocks } from '../../workflow/index.js'
import { EXAMPLES, readExample } from './build.js'

/** Sim's `parseWorkflowJson` validation, rule for rule. */
type Loose = Record<string, unknown> & { position?: { x?: unknown; y?: unknown } }

function simImportErrors(data: { state: Record<string, unknown> }): string[] {
  const errors: string[] = []
  const state = data.state as { blocks?: Record<string, Loose>; edges?: Loose[] }
  if (!state.blocks || typeof state.blocks !== 'object') return ['Missing or invalid field: blocks']
  if (!Array.isArray(state.edges)) return ['Missing or invalid field: edges (must be an array)']
  for (const [blockId, block] of Object.entries(state.blocks)) {
    if (!block.id) errors.push(`Block ${blockId} missing required field: id`)
    if (!block.type) errors.push(`Block ${blockId} missing required field: type`)
    if (typeof block.position?.x !== 'number' || typeof block.position?.y !== 'number') {
      errors.push(`Block ${blockId} missing or invalid position`)
    }
  }
  state.edges.forEach((edge, index) => {
    for (const field of ['id', 'source', 'target']) {
      if (!edge[field]) errors.push(`Edge at index ${index} missing required field: ${field}`)
    }
  })
  return errors
}

describe.each(EXAMPLES)('examples/%s.json', (name) => {
  const file = readExample(name)

  it('is a Sim export that loads here', () => {
    expect(file.version).toBe('1.0')
    expect(simImportErrors(file as unknown as { state: Record<string, unknown> })).toEqual([])
    expect(loadWorkflow(file)).toEqual({ ok: true, workflow: file })
  })

  it("uses Sim's block types, field ids and field types", () => {
    for (const block of Object.values(file.state.blocks)) {
      const config = workflowBlocks[block.type]
      expect(config, block.type).toBeDefined()
      for (const [id, subBlock] of Object.entries(block.subBlocks)) {
        expect(subBlock.id).toBe(id)
        const field = config?.subBlocks.find((candidate) => candidate.id === id)
        expect(field, `${block.type}.${id}`).toBeDefined()
        expect(subBlock.type).toBe(field?.type)
      }
    }
  })

  it('has a name and only condition handles Sim knows', () => {
    expect(file.state.metadata?.name).toBeTruthy()
    for (const edge of file.state.edges) {
      const source = file.state.blocks[edge.source]
      if (source?.type === 'condition') expect(edge.sourceHandle).toMatch(/^condition-/)
      else expect(edge.sourceHandle ?? 'source').toBe('source')
    }
  })
})

/**
 * Sim's workflow export file (`sanitizeForExport` in Sim's json-sanitizer): `{version, exportedAt,
 * state: {blocks, edges, loops, parallels, variables?, metadata?}}`. Unknown keys are kept, so a
 * file read here and written back still imports into Sim unchanged.
 */
import { z } from 'zod'

const position = z.object({ x: z.number(), y: z.number() }).loose()

export const subBlockStateSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    value: z.unknown(),
  })
  .loose()

export const blockStateSchema = z
  .object({
    id: z.string().min(1),
    type: z.string().min(1),
    name: z.string(),
    position,
    subBlocks: z.record(z.string(), subBlockStateSchema),
    outputs: z.record(z.string(), z.unknown()),
    enabled: z.boolean(),
  })
  .loose()

export const edgeSchema = z
  .object({
    id: z.string().min(1),
    source: z.string().min(1),
    target: z.string().min(1),
    sourceHandle: z.string().nullish(),
    targetHandle: z.string().nullish(),
  })
  .loose()

export const variableSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(['string', 'number', 'boolean', 'object', 'array', 'plain']),
    value: z.unknown(),
  })
  .loose()

export const workflowStateSchema = z
  .object({
    blocks: z.record(z.string(), blockStateSchema),
    edges: z.array(edgeSchema),
    loops: z.record(z.string(), z.unknown()),
    parallels: z.record(z.string(), z.unknown()),
    variables: z.record(z.string(), variableSchema).optional(),
    metadata: z
      .object({
        name: z.string().optional(),
        description: z.string().optional(),
        exportedAt: z.string().optional(),
      })
      .loose()
      .optional(),
  })
  .loose()

export const workflowFileSchema = z
  .object({
    version: z.string(),
    exportedAt: z.string(),
    state: workflowStateSchema,
  })
  .loose()

export type SubBlockState = z.infer<typeof subBlockStateSchema>
export type BlockState = z.infer<typeof blockStateSchema>
export type WorkflowEdge = z.infer<typeof edgeSchema>
export type WorkflowVariable = z.infer<typeof variableSchema>
export type WorkflowState = z.infer<typeof workflowStateSchema>
export type WorkflowFile = z.infer<typeof workflowFileSchema>

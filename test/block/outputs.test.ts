/**
 * The block's outputs and inputs are written out in the block, as Sim's are; these tests hold them
 * to the tools: every tool output is there with its type (and nothing else is), and every field is
 * typed as the tool params it feeds.
 */
import { describe, expect, it } from 'vitest'
import {
  AgentPhoneBlock,
  FIELDS_BY_OPERATION,
  isTriggerField,
  JSON_FIELDS,
  NUMBER_FIELDS,
  OPERATIONS,
  type OperationFieldId,
  toolIdOf,
} from '../../blocks/index.js'
import { agentphoneTools } from '../../tools/index.js'

const toolOf = (operation: string) => {
  const tool = agentphoneTools[toolIdOf({ operation })]
  if (!tool) throw new Error(`no tool for ${operation}`)
  return tool
}

/** A block output's type, whether written as a bare type or as `{ type, description }`. */
const typeOf = (output: unknown) =>
  typeof output === 'string' ? output : (output as { type: string } | undefined)?.type

/** The operations that read a field, with the param it feeds in each. */
const usesOf = (fieldId: string) =>
  OPERATIONS.flatMap((operation) => {
    const param = (FIELDS_BY_OPERATION[operation] as Record<string, string>)[fieldId]
    return param === undefined ? [] : [{ operation, param }]
  })

describe('block outputs', () => {
  it('hold every top-level output of every tool, with the same type', () => {
    for (const operation of OPERATIONS) {
      for (const [key, output] of Object.entries(toolOf(operation).outputs ?? {})) {
        expect(typeOf(AgentPhoneBlock.outputs[key]), `${operation} ${key}`).toBe(output.type)
      }
    }
  })

  it('hold nothing the tools do not output', () => {
    const toolKeys = new Set(
      Object.values(agentphoneTools).flatMap((tool) => Object.keys(tool.outputs ?? {}))
    )
    expect(Object.keys(AgentPhoneBlock.outputs).filter((key) => !toolKeys.has(key))).toEqual([])
  })

  it("use Sim's output types, each described", () => {
    const simTypes = ['string', 'number', 'boolean', 'json', 'array', 'file', 'file[]', 'any']
    for (const [key, output] of Object.entries(AgentPhoneBlock.outputs)) {
      expect(simTypes, key).toContain(typeOf(output))
      expect(typeof output === 'object' && output.description, key).toMatch(/\S/)
    }
  })
})

describe('block inputs', () => {
  it('exist for every field, each described', () => {
    for (const subBlock of AgentPhoneBlock.subBlocks.filter((field) => !isTriggerField(field))) {
      expect(AgentPhoneBlock.inputs[subBlock.id]?.description, subBlock.id).toMatch(/\S/)
    }
  })

  it('type each field as every tool param it feeds', () => {
    for (const fieldId of Object.keys(AgentPhoneBlock.inputs)) {
      for (const { operation, param } of usesOf(fieldId)) {
        expect(AgentPhoneBlock.inputs[fieldId]?.type, `${fieldId} → ${operation}.${param}`).toBe(
          toolOf(operation).params[param]?.type
        )
      }
    }
    expect(AgentPhoneBlock.inputs.limit?.type).toBe('number')
    expect(AgentPhoneBlock.inputs.metadata?.type).toBe('json')
    expect(AgentPhoneBlock.inputs.toNumberCall?.type).toBe('string')
  })

  it('convert exactly the number and JSON fields the tools take as numbers and JSON', () => {
    const fieldsOfType = (type: string) =>
      Object.keys(AgentPhoneBlock.inputs).filter((fieldId) =>
        usesOf(fieldId).some(
          ({ operation, param }) => toolOf(operation).params[param]?.type === type
        )
      )
    expect([...NUMBER_FIELDS].sort()).toEqual(fieldsOfType('number').sort())
    expect([...JSON_FIELDS]).toEqual(fieldsOfType('json') as OperationFieldId[])
  })
})

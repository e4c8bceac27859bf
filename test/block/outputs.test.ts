/**
 * The block's outputs and inputs are derived from the tools; these tests hold the merge rule to
 * its word: every tool output is there with its type, one description when the tools agree, each
 * tool's own description (after its operation's label) when they do not.
 */
import { describe, expect, it } from 'vitest'
import { AgentPhoneBlock, labelOf, OPERATIONS } from '../../blocks/index.js'
import { mergeOutputs } from '../../blocks/outputs.js'
import { agentphoneTools } from '../../tools/index.js'
import type { OutputProperty } from '../../tools/types.js'

const nestedOf = (property: OutputProperty) => property.items?.properties ?? property.properties

/** Every output property, nested ones included, with a dotted path: `data.phoneNumber`. */
function flatten(outputs: Record<string, OutputProperty>, prefix = ''): [string, OutputProperty][] {
  return Object.entries(outputs).flatMap(([key, property]) => {
    const nested = nestedOf(property)
    return [
      [`${prefix}${key}`, property] as [string, OutputProperty],
      ...(nested ? flatten(nested, `${prefix}${key}.`) : []),
    ]
  })
}

const blockOutputs = new Map(flatten(AgentPhoneBlock.outputs))

describe('block outputs', () => {
  it('hold every output of every tool, nested ones included, with the same type', () => {
    for (const operation of OPERATIONS) {
      const tool = agentphoneTools[`agentphone_${operation}`]
      for (const [key, property] of flatten(tool?.outputs ?? {})) {
        expect(blockOutputs.get(key)?.type, `${operation} ${key}`).toBe(property.type)
      }
    }
  })

  it('hold nothing the tools do not output', () => {
    const toolKeys = new Set(
      Object.values(agentphoneTools).flatMap((tool) => flatten(tool.outputs).map(([key]) => key))
    )
    expect([...blockOutputs.keys()].filter((key) => !toolKeys.has(key))).toEqual([])
  })

  it('describe each output with every tool description of it', () => {
    for (const operation of OPERATIONS) {
      const tool = agentphoneTools[`agentphone_${operation}`]
      for (const [key, property] of flatten(tool?.outputs ?? {})) {
        const merged = blockOutputs.get(key)?.description ?? ''
        expect(
          merged === property.description || merged.includes(property.description),
          `${key}: "${merged}" lacks "${property.description}"`
        ).toBe(true)
      }
    }
  })

  it('keep a description the tools agree on as it is', () => {
    expect(AgentPhoneBlock.outputs.hasMore?.description).toContain('List Numbers, List Calls')
    expect(AgentPhoneBlock.outputs.released).toEqual({
      type: 'boolean',
      description: 'Whether the number was released successfully',
    })
    expect(AgentPhoneBlock.outputs.startedAt?.description).toBe('ISO 8601 timestamp')
  })

  it('label differing descriptions with the operations that give them, in dropdown order', () => {
    expect(AgentPhoneBlock.outputs.status?.description).toBe(
      'Create Number: Number status (e.g. active); Create Call: Initial call status; ' +
        'Get Call: Call status; Send Message: Delivery status'
    )
    expect(AgentPhoneBlock.outputs.data?.items?.properties?.messages?.description).toBe(
      'Get Daily Usage: Messages that day; Get Monthly Usage: Messages that month'
    )
  })
})

describe('mergeOutputs', () => {
  it('falls back to json when sources disagree on a type, and merges nested fields', () => {
    const merged = mergeOutputs([
      {
        label: 'A',
        outputs: {
          value: { type: 'string', description: 'text' },
          list: {
            type: 'array',
            description: 'rows',
            items: { type: 'object', properties: { x: { type: 'number', description: 'x' } } },
          },
        },
      },
      {
        label: 'B',
        outputs: {
          value: { type: 'number', description: 'count' },
          list: {
            type: 'array',
            description: 'rows',
            items: { type: 'object', properties: { y: { type: 'string', description: 'y' } } },
          },
        },
      },
    ])
    expect(merged).toEqual({
      value: { type: 'json', description: 'A: text; B: count' },
      list: {
        type: 'array',
        description: 'rows',
        items: {
          type: 'object',
          properties: {
            x: { type: 'number', description: 'x' },
            y: { type: 'string', description: 'y' },
          },
        },
      },
    })
  })
})

describe('block inputs', () => {
  it('type each field as the tool param it feeds', () => {
    expect(AgentPhoneBlock.inputs.limit?.type).toBe('number')
    expect(AgentPhoneBlock.inputs.messageLimit?.type).toBe('number')
    expect(AgentPhoneBlock.inputs.metadata?.type).toBe('json')
    expect(AgentPhoneBlock.inputs.toNumberCall?.type).toBe('string')
  })

  it("describe each field with its tool param's description", () => {
    expect(AgentPhoneBlock.inputs.messageBody?.description).toBe('Message text to send')
    expect(AgentPhoneBlock.inputs.numberId?.description).toBe(
      'Release Number: ID of the phone number to release; Get Number Messages: ID of the phone number'
    )
  })

  it('label operations as the dropdown does', () => {
    const dropdown = AgentPhoneBlock.subBlocks.find((field) => field.id === 'operation')
    const options = typeof dropdown?.options === 'function' ? dropdown.options() : dropdown?.options
    expect(OPERATIONS.map(labelOf)).toEqual(options?.map((option) => option.label))
  })
})

/**
 * The compiled output readers against the zod schemas they stand in for: for every tool's
 * outputs and any body (fields present or not, null, of the wrong type, snake_case or camelCase
 * or both, extra fields, not an object at all), both accept or refuse the same bodies, and an
 * accepted body reads to the same output, key order included.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { outputsSchemaOf, readOutputs, snakeToCamel } from '../../tools/agentphone/response.js'
import { agentphoneTools } from '../../tools/index.js'
import type { OutputProperty } from '../../tools/types.js'

type Shape = Pick<OutputProperty, 'type' | 'properties' | 'items'>

const camelToSnake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

const anyJson = fc.jsonValue({ maxDepth: 2 })

/** A value for an output: usually of its type, sometimes null, missing or of another type. */
function outputValue(shape: Shape): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(fc.constant(null), fc.constant(undefined), anyJson)
  let right: fc.Arbitrary<unknown>
  switch (shape.type) {
    case 'string':
      right = fc.string({ maxLength: 5 })
      break
    case 'number':
      right = fc.oneof(fc.integer(), fc.double())
      break
    case 'boolean':
      right = fc.boolean()
      break
    case 'array':
      right = fc.array(shape.items ? outputValue(shape.items) : anyJson, { maxLength: 3 })
      break
    case 'object':
      right = shape.properties ? objectOf(shape.properties) : anyJson
      break
    default:
      right = anyJson
  }
  return fc.oneof({ arbitrary: right, weight: 8 }, { arbitrary: wrong, weight: 1 })
}

/** An object with each declared field spelled as declared, in snake_case, both, or left out. */
function objectOf(properties: Record<string, OutputProperty>): fc.Arbitrary<unknown> {
  const fields = Object.entries(properties).map(([key, output]) =>
    fc
      .tuple(
        fc.constantFrom('camel', 'snake', 'both', 'none'),
        outputValue(output),
        outputValue(output),
        fc.boolean()
      )
      .map(([spelling, value, other, camelFirst]): [string, unknown][] => {
        const snake = camelToSnake(key)
        if (spelling === 'none') return []
        if (spelling === 'camel' || snake === key) return [[key, value]]
        if (spelling === 'snake') return [[snake, value]]
        return camelFirst
          ? [
              [key, value],
              [snake, other],
            ]
          : [
              [snake, other],
              [key, value],
            ]
      })
  )
  return fc
    .tuple(
      fc.tuple(...fields),
      fc.dictionary(fc.string({ maxLength: 6 }), anyJson, { maxKeys: 2 }),
      fc.boolean()
    )
    .map(([entries, extra, extraFirst]) => {
      const own = entries.flat()
      return Object.fromEntries(
        extraFirst ? [...Object.entries(extra), ...own] : [...own, ...Object.entries(extra)]
      )
    })
}

describe('compiled output readers', () => {
  it.each(Object.values(agentphoneTools).map((tool) => [tool.id, tool.outputs] as const))(
    '%s reads every body as its schema does',
    (_, outputs) => {
      const body = fc.oneof(
        { arbitrary: objectOf(outputs), weight: 9 },
        { arbitrary: fc.oneof(fc.constant(undefined), anyJson), weight: 1 }
      )
      fc.assert(
        fc.property(body, (value) => {
          const compiled = readOutputs(outputs, value)
          const schema = outputsSchemaOf(outputs).safeParse(value)
          expect(compiled.success).toBe(schema.success)
          if (compiled.success && schema.success) {
            expect(compiled.data).toStrictEqual(schema.data)
            expect(JSON.stringify(compiled.data)).toBe(JSON.stringify(schema.data))
          }
          if (!compiled.success && !schema.success) {
            expect(compiled.error.issues).toEqual(schema.error.issues)
          }
        }),
        { seed: 10, numRuns: 150 }
      )
    }
  )

  it('renames keys as snakeToCamel does, however often the same key comes back', () => {
    const outputs = agentphoneTools.agentphone_get_conversation?.outputs ?? {}
    const body = { phone_number_id: 'num_1', message_count: 3, messages: [{ from_number: '+1' }] }
    for (let i = 0; i < 3; i++) {
      const read = readOutputs(outputs, body)
      expect(read.success && (read.data as Record<string, unknown>).phoneNumberId).toBe('num_1')
      expect(read.success && (read.data as Record<string, unknown>).messageCount).toBe(3)
    }
    expect(snakeToCamel('from_number')).toBe('fromNumber')
  })
})

/**
 * Output builders: each field yields the Sim-facing output description and the zod schema that
 * reads it from an API answer. A tool's outputs, its output type and the docs all derive from one
 * declaration. Reading is lenient in the ways the API is: missing or null fields become null
 * (arrays become []), and snake_case keys are read as their camelCase names.
 */
import { z } from 'zod'
import type { OutputProperty } from '../types.js'

export interface OutputField<S extends z.ZodType = z.ZodType> {
  output: OutputProperty
  schema: S
}

export type OutputFields = Record<string, OutputField>

export type OutputOf<F extends OutputFields> = z.output<
  z.ZodObject<{ [K in keyof F]: F[K]['schema'] }>
>

const orNull = <S extends z.ZodType>(schema: S) =>
  schema.nullish().transform((value) => value ?? null)

/** `from_number` → `fromNumber`. A trailing underscore (`from_`) is kept: the seed keeps it. */
export const snakeToCamel = (key: string) =>
  key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())

/** Renames every snake_case key to camelCase; where both spellings are present, the camelCase one wins. */
export function camelizeKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const result: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) {
    const camel = snakeToCamel(key)
    if (camel !== key && camel in value) continue
    result[camel] = field
  }
  return result
}

export function outputsOf(fields: OutputFields): Record<string, OutputProperty> {
  return Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.output]))
}

/** The schema that reads an object with these fields, dropping any field not declared. */
export function objectSchema<F extends OutputFields>(
  fields: F,
  prepare?: (raw: unknown) => unknown
) {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([key, field]) => [key, field.schema])
  ) as { [K in keyof F]: F[K]['schema'] }
  return z.preprocess(
    (raw) => camelizeKeys(prepare ? prepare(raw) : raw),
    z.object(shape, { error: 'expected a JSON object' })
  )
}

export const out = {
  string: (description: string) => ({
    output: { type: 'string', description } satisfies OutputProperty,
    schema: orNull(z.string()),
  }),
  number: (description: string) => ({
    output: { type: 'number', description } satisfies OutputProperty,
    schema: orNull(z.number()),
  }),
  boolean: (description: string) => ({
    output: { type: 'boolean', description } satisfies OutputProperty,
    schema: orNull(z.boolean()),
  }),
  /** Any JSON value, passed through as the API sent it. */
  json: (description: string) => ({
    output: { type: 'json', description } satisfies OutputProperty,
    // `.nullish()` marks the key optional: a bare `z.unknown()` piped into a transform makes an
    // absent key an error in zod 4.
    schema: orNull(z.unknown()),
  }),
  /** An array of objects with the given fields. */
  list: <F extends OutputFields>(
    description: string,
    fields: F,
    prepare?: (raw: unknown) => unknown
  ) => ({
    output: {
      type: 'array',
      description,
      items: { type: 'object', properties: outputsOf(fields) },
    } satisfies OutputProperty,
    schema: z
      .array(objectSchema(fields, prepare))
      .nullish()
      .transform((value) => value ?? []),
  }),
}

/** The same fields with some descriptions reworded for one operation. */
export function describedAs<F extends OutputFields>(
  fields: F,
  descriptions: Partial<Record<keyof F, string>>
): F {
  const result: OutputFields = { ...fields }
  for (const [key, description] of Object.entries(descriptions)) {
    const field = fields[key]
    if (field && description) result[key] = { ...field, output: { ...field.output, description } }
  }
  return result as F
}

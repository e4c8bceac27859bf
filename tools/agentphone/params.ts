/**
 * Parameter builders shared by every AgentPhone tool. Each builder yields the Sim-facing
 * description of a parameter and the zod schema that validates it, so the two cannot drift.
 * Validation messages are phrased to follow the field name: "toNumber is required".
 */
import { z } from 'zod'
import type { ParamType, ToolParam } from '../types.js'

export interface ParamSpec<S extends z.ZodType = z.ZodType> {
  param: ToolParam
  schema: S
}

export const E164_PATTERN = /^\+[1-9]\d{7,14}$/
const ISO_8601_PATTERN =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

export const isE164 = (value: string) => E164_PATTERN.test(value)

export function isIsoTimestamp(value: string): boolean {
  if (!ISO_8601_PATTERN.test(value) || Number.isNaN(Date.parse(value))) return false
  // Date.parse rolls 2026-02-30 over into March: the calendar day must exist.
  const [year = 0, month = 0, day = 0] = value.slice(0, 10).split('-').map(Number)
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false
  const { protocol, hostname } = new URL(value)
  return (protocol === 'https:' || protocol === 'http:') && hostname !== ''
}

/** Absent, null and blank values all mean "not given" for an optional parameter. */
export const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/

/** A number typed as text (`' 25 '`, `-1.5`, `.5`); undefined when the text is not one. */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim()
  return DECIMAL.test(trimmed) ? Number(trimmed) : undefined
}

/** In a `u` regex a paired surrogate is one code point, so this finds only lone ones. */
const LONE_SURROGATE = /\p{Cs}/u
export const hasLoneSurrogate = (text: string) => LONE_SURROGATE.test(text)
const LONE_SURROGATE_MESSAGE =
  'must not contain a lone UTF-16 surrogate (half of an emoji or other character cut in two)'

/** How deep and how large a JSON param may be: the API refuses larger ones with a 422. */
export const MAX_JSON_DEPTH = 32
export const MAX_JSON_LENGTH = 64 * 1024

/**
 * Why a value is not plain JSON, as `[path, reason]`, or undefined when it is: only plain objects
 * (no Date, Map, Buffer, boxed number…), arrays, strings without lone surrogates, finite numbers,
 * booleans and null; not circular; at most MAX_JSON_DEPTH deep and MAX_JSON_LENGTH long as JSON.
 * Anything else would be sent altered by JSON.stringify, or not at all.
 */
export function jsonProblem(
  value: unknown
): [path: (string | number)[], reason: string] | undefined {
  const ancestors = new Set<object>()
  const visit = (v: unknown, path: (string | number)[]): ReturnType<typeof jsonProblem> => {
    switch (typeof v) {
      case 'string':
        return hasLoneSurrogate(v) ? [path, LONE_SURROGATE_MESSAGE] : undefined
      case 'number':
        return Number.isFinite(v) ? undefined : [path, `must be a finite number, not ${v}`]
      case 'boolean':
        return undefined
      case 'object':
        break
      default:
        return [
          path,
          `must be a JSON value, not ${typeof v === 'undefined' ? 'undefined' : `a ${typeof v}`}`,
        ]
    }
    if (v === null) return undefined
    if (ancestors.has(v)) return [path, 'is circular: it contains itself']
    if (path.length >= MAX_JSON_DEPTH) {
      return [path, `is nested too deeply: at most ${MAX_JSON_DEPTH} levels of objects and lists`]
    }
    const prototype = Object.getPrototypeOf(v)
    const isArray = Array.isArray(v)
    if (!isArray && prototype !== Object.prototype && prototype !== null) {
      const type = (prototype?.constructor as { name?: unknown } | undefined)?.name
      return [
        path,
        `must be a plain JSON object, not ${typeof type === 'string' && type ? `a ${type}` : 'an instance of a class'}`,
      ]
    }
    if (Object.getOwnPropertySymbols(v).length > 0) {
      return [path, 'must not have symbol keys: JSON cannot hold them']
    }
    ancestors.add(v)
    const entries: [string | number, unknown][] = isArray
      ? Array.from({ length: v.length }, (_, i) => [i, (v as unknown[])[i]])
      : Object.entries(v)
    for (const [key, inner] of entries) {
      if (typeof key === 'string' && hasLoneSurrogate(key))
        return [[...path, key], `name ${LONE_SURROGATE_MESSAGE}`]
      const problem = visit(inner, [...path, key])
      if (problem) return problem
    }
    ancestors.delete(v)
    return undefined
  }
  try {
    const problem = visit(value, [])
    if (problem) return problem
    const length = JSON.stringify(value).length
    return length > MAX_JSON_LENGTH
      ? [[], `is too large: ${length} characters as JSON, at most ${MAX_JSON_LENGTH}`]
      : undefined
  } catch (error) {
    // A getter or a Proxy trap that throws.
    return [[], `could not be read (${error instanceof Error ? error.message : String(error)})`]
  }
}

const typeError = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? 'is required' : `must be ${expected}`

/** Makes a schema optional, treating blank input as absent. */
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (isBlank(value) ? undefined : value), schema.optional())

const describe = (type: ParamType, description: string, required: boolean): ToolParam => ({
  type,
  required,
  visibility: 'user-or-llm',
  description,
})

/**
 * An optional parameter whose present value must satisfy `schema`; `.required()` gives the
 * required variant. (Declared like zod: `params.phone('…').required()`.)
 */
function param<S extends z.ZodType>(type: ParamType, description: string, schema: S) {
  return {
    param: describe(type, description, false),
    schema: optional(schema),
    required: (): ParamSpec<S> => ({ param: describe(type, description, true), schema }),
  }
}

const trimmedString = (expected = 'a string') =>
  z
    .string({ error: typeError(expected) })
    .trim()
    // Stop here on empty input: "must not be empty" says it all, later format checks add noise.
    .min(1, { error: 'must not be empty', abort: true })
    // Percent-encoding cannot encode half a character: it would be replaced or refused later.
    .refine((text) => !hasLoneSurrogate(text), { error: LONE_SURROGATE_MESSAGE, abort: true })

export const params = {
  /** The account's API key: typed into the editor, never offered to an LLM. */
  apiKey: () => ({
    param: {
      type: 'string',
      required: true,
      visibility: 'user-only',
      description: 'AgentPhone API key',
    } satisfies ToolParam,
    // Checked here, not left to fetch: a line break pasted into the key would otherwise fail
    // as "could not reach AgentPhone".
    schema: trimmedString()
      // A refinement, not .min(8): zod runs length checks even after an aborting check, so
      // an empty key would also be reported as too short.
      .refine((key) => key.length >= 8, 'is too short to be an AgentPhone API key')
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII, without spaces or line breaks'),
  }),

  /** An opaque AgentPhone ID (`agt_…`, `num_…`, …); required unless stated otherwise. */
  id: (description: string) =>
    param(
      'string',
      description,
      // URLs resolve `.` and `..` as directory steps even when percent-encoded.
      trimmedString().refine((id) => id !== '.' && id !== '..', 'must be an ID, not "." or ".."')
    ),

  /** Free text sent as typed (not trimmed); when required it must not be blank. */
  text: (description: string) =>
    param(
      'string',
      description,
      z
        .string({ error: typeError('a string') })
        .refine((value) => value.trim() !== '', 'must not be empty')
        .refine((value) => !hasLoneSurrogate(value), LONE_SURROGATE_MESSAGE)
    ),

  phone: (description: string) =>
    param(
      'string',
      description,
      trimmedString('a phone number in E.164 format, e.g. +14155551234').regex(
        E164_PATTERN,
        'must be a phone number in E.164 format: + then 8 to 15 digits, e.g. +14155551234'
      )
    ),

  timestamp: (description: string) =>
    param(
      'string',
      description,
      trimmedString().refine(
        isIsoTimestamp,
        'must be an ISO 8601 timestamp, e.g. 2026-01-31T09:00:00Z'
      )
    ),

  /** A short code with a fixed form, e.g. a 3-digit area code. */
  matching: (description: string, pattern: RegExp, expected: string) =>
    param('string', description, trimmedString().regex(pattern, `must be ${expected}`)),

  url: (description: string) =>
    param(
      'string',
      description,
      trimmedString().refine(isHttpUrl, 'must be an http(s) URL, e.g. https://example.com/a.png')
    ),

  /** One of a fixed set; matched case-insensitively and sent in its canonical spelling. */
  oneOf: <const V extends readonly [string, ...string[]]>(description: string, values: V) => {
    const expected = `one of ${values.join(', ')}`
    const canonical = (value: unknown) =>
      typeof value === 'string'
        ? (values.find((v) => v.toLowerCase() === value.trim().toLowerCase()) ?? value)
        : value
    return param(
      'string',
      description,
      z.preprocess(canonical, z.enum(values, { error: typeError(expected) }))
    )
  },

  /** A whole number in [min, max]; numeric strings (as LLMs often send) are accepted. */
  integer: (description: string, { min, max }: { min: number; max?: number }) => {
    const range = max === undefined ? `at least ${min}` : `between ${min} and ${max}`
    let schema = z
      .number({ error: typeError('a number') })
      .int('must be a whole number')
      .min(min, `must be ${range}`)
    if (max !== undefined) schema = schema.max(max, `must be ${range}`)
    const fromNumericString = (value: unknown) =>
      typeof value === 'string' ? (parseDecimal(value) ?? value) : value
    return param('number', description, z.preprocess(fromNumericString, schema))
  },

  /**
   * A JSON object, or null to clear. Absent means "leave unchanged", so null is kept apart from
   * absence here. A string holding JSON (as LLMs often send) is parsed.
   */
  jsonObject: (description: string) => {
    const parseString = (value: unknown) => {
      if (typeof value !== 'string') return value
      if (value.trim() === '') return undefined
      try {
        return JSON.parse(value)
      } catch {
        return value
      }
    }
    const object = z.custom<Record<string, unknown>>().superRefine((value, ctx) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object or null' })
        return
      }
      const problem = jsonProblem(value)
      if (problem) ctx.addIssue({ code: 'custom', path: problem[0], message: problem[1] })
    })
    return {
      param: describe('json', description, false),
      schema: z.preprocess(parseString, object.nullable().optional()),
    }
  },
}

/** `limit`/`offset` of a limit-offset list. */
export const pagination = (limitDescription: string, max?: number) => ({
  limit: params.integer(limitDescription, { min: 1, ...(max === undefined ? {} : { max }) }),
  offset: params.integer('Number of results to skip (min 0)', { min: 0 }),
})

/** `limit`/`before`/`after` of a cursor-paged message list. */
export const messageCursor = () => ({
  limit: params.integer('Number of messages to return (default 50, max 200)', { min: 1, max: 200 }),
  before: params.timestamp('Return messages received before this ISO 8601 timestamp'),
  after: params.timestamp('Return messages received after this ISO 8601 timestamp'),
})

export type ParamSpecs = Record<string, ParamSpec>

/** The validated params a tool receives, derived from its specs. */
export type ParamsOf<S extends ParamSpecs> = { apiKey: string } & z.output<
  z.ZodObject<{ [K in keyof S]: S[K]['schema'] }>
>

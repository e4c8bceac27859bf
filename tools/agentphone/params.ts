/**
 * Validation of a tool's raw params, derived from the tool's own literal `params` (names, types,
 * required flags) plus the rules below for what a value must look like. Validated params are
 * normalized: trimmed, enums in their canonical spelling, numbers typed as text turned to numbers,
 * blank optional values dropped. Messages follow the field name: "toNumber is required".
 */
import { z } from 'zod'
import { describeIssues } from '@/tools/agentphone/errors'
import {
  AGENTPHONE_CALL_DIRECTIONS,
  AGENTPHONE_CALL_STATUSES,
  AGENTPHONE_CALL_TYPES,
  AGENTPHONE_COUNTRIES,
  AGENTPHONE_MAX_WAIT_SECONDS,
  AGENTPHONE_REACTIONS,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

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

const trimmedString = (expected = 'a string') =>
  z
    .string({ error: typeError(expected) })
    .trim()
    // Stop here on empty input: "must not be empty" says it all, later format checks add noise.
    // (Only refinements after this are skipped; zod runs length checks regardless.)
    .min(1, { error: 'must not be empty', abort: true })
    // Percent-encoding cannot encode half a character: it would be replaced or refused later.
    .refine((text) => !hasLoneSurrogate(text), { error: LONE_SURROGATE_MESSAGE, abort: true })

/**
 * What a present value must look like. `optional` says how the param treats blank input: most
 * drop it (blank means "not given"); a JSON object keeps null, which means "clear".
 */
interface Rule {
  schema: z.ZodType
  optional?: (schema: z.ZodType) => z.ZodType
}

const rule = (schema: z.ZodType, optional?: Rule['optional']): Rule => ({ schema, optional })

const apiKey = rule(
  // Checked here, not left to fetch: a line break pasted into the key would otherwise fail as
  // "could not reach AgentPhone".
  trimmedString()
    // A refinement, not .min(8), so an empty key is not also reported as too short.
    .refine((key) => key.length >= 8, 'is too short to be an AgentPhone API key')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII, without spaces or line breaks')
)

/** An opaque AgentPhone ID (`agt_…`, `num_…`, …). */
const id = rule(
  // URLs resolve `.` and `..` as directory steps even when percent-encoded.
  trimmedString().refine(
    (value) => value !== '.' && value !== '..',
    'must be an ID, not "." or ".."'
  )
)

/** Free text, sent as typed (not trimmed). */
const text = rule(
  z
    .string({ error: typeError('a string') })
    .refine((value) => value.trim() !== '', 'must not be empty')
    .refine((value) => !hasLoneSurrogate(value), LONE_SURROGATE_MESSAGE)
)

const phone = rule(
  trimmedString('a phone number in E.164 format, e.g. +14155551234').regex(
    E164_PATTERN,
    'must be a phone number in E.164 format: + then 8 to 15 digits, e.g. +14155551234'
  )
)

const timestamp = rule(
  trimmedString().refine(isIsoTimestamp, 'must be an ISO 8601 timestamp, e.g. 2026-01-31T09:00:00Z')
)

const url = rule(
  trimmedString().refine(isHttpUrl, 'must be an http(s) URL, e.g. https://example.com/a.png')
)

/** One of a fixed set; matched case-insensitively and sent in its canonical spelling. */
function oneOf(values: readonly [string, ...string[]]): Rule {
  const canonical = (value: unknown) =>
    typeof value === 'string'
      ? (values.find((v) => v.toLowerCase() === value.trim().toLowerCase()) ?? value)
      : value
  return rule(
    z.preprocess(canonical, z.enum(values, { error: typeError(`one of ${values.join(', ')}`) }))
  )
}

/** A whole number in [min, max]; numeric strings (as LLMs often send) are accepted. */
function integer(min: number, max?: number): Rule {
  const range = max === undefined ? `at least ${min}` : `between ${min} and ${max}`
  let schema = z
    .number({ error: typeError('a number') })
    .int('must be a whole number')
    .min(min, `must be ${range}`)
  if (max !== undefined) schema = schema.max(max, `must be ${range}`)
  const fromNumericString = (value: unknown) =>
    typeof value === 'string' ? (parseDecimal(value) ?? value) : value
  return rule(z.preprocess(fromNumericString, schema))
}

/** Yes or no; `"true"`/`"false"` in any case (as editors and LLMs often send) are read as such. */
const flag = rule(
  z.preprocess(
    (value) => {
      if (typeof value !== 'string') return value
      const text = value.trim().toLowerCase()
      return text === 'true' ? true : text === 'false' ? false : value
    },
    z.boolean({ error: typeError('true or false') })
  )
)

/**
 * A JSON object, or null to clear. Absent means "leave unchanged", so null is kept apart from
 * absence. A string holding JSON (as LLMs often send) is parsed.
 */
const jsonObject = rule(
  z.custom<Record<string, unknown>>().superRefine((value, ctx) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object or null' })
      return
    }
    const problem = jsonProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', path: problem[0], message: problem[1] })
  }),
  (schema) =>
    z.preprocess((value) => {
      if (typeof value !== 'string') return value
      if (value.trim() === '') return undefined
      try {
        return JSON.parse(value)
      } catch {
        return value
      }
    }, schema.nullable().optional())
)

/** Rules by param name, for names that mean the same in every tool. */
const RULES_BY_NAME: Record<string, Rule> = {
  apiKey,
  toNumber: phone,
  phoneNumber: phone,
  mediaUrl: url,
  before: timestamp,
  after: timestamp,
  limit: integer(1),
  offset: integer(0),
}

/** Rules one tool alone has, or where it differs from the rule by name. */
const RULES_BY_TOOL: Record<string, Record<string, Rule>> = {
  agentphone_create_number: {
    country: oneOf(AGENTPHONE_COUNTRIES),
    areaCode: rule(trimmedString().regex(/^\d{3}$/, 'must be a 3-digit area code, e.g. 415')),
  },
  agentphone_list_numbers: { limit: integer(1, 100) },
  agentphone_get_number_messages: { limit: integer(1, 200) },
  agentphone_list_calls: {
    limit: integer(1, 100),
    status: oneOf(AGENTPHONE_CALL_STATUSES),
    direction: oneOf(AGENTPHONE_CALL_DIRECTIONS),
    type: oneOf(AGENTPHONE_CALL_TYPES),
  },
  agentphone_list_conversations: { limit: integer(1, 100) },
  agentphone_get_conversation: { messageLimit: integer(1, 100) },
  agentphone_get_conversation_messages: { limit: integer(1, 200) },
  agentphone_react_to_message: { reaction: oneOf(AGENTPHONE_REACTIONS) },
  agentphone_get_usage_daily: { days: integer(1, 365) },
  agentphone_get_usage_monthly: { months: integer(1, 24) },
  agentphone_get_call: { timeoutSeconds: integer(1, AGENTPHONE_MAX_WAIT_SECONDS) },
}

/** The rule for a param: by tool, else by name, else by its kind (an ID, text, a JSON object). */
export function ruleFor(toolId: string, name: string, param: ToolConfig['params'][string]): Rule {
  const found = RULES_BY_TOOL[toolId]?.[name] ?? RULES_BY_NAME[name]
  if (found) return found
  if (param.type === 'json') return jsonObject
  if (param.type === 'boolean') return flag
  if (param.type === 'string') return name.endsWith('Id') ? id : text
  throw new Error(`${toolId}: no validation rule for its ${param.type} param ${name}`)
}

/** Tool ids that have rules of their own, and the params those rules are for (for a drift test). */
export const toolRuleNames = (): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(RULES_BY_TOOL).map(([tool, rules]) => [tool, Object.keys(rules)])
  )

const optionalBlank = (schema: z.ZodType) =>
  z.preprocess((value) => (isBlank(value) ? undefined : value), schema.optional())

type AnyTool = Pick<ToolConfig, 'id' | 'params'>

/**
 * An update sends only the fields given, so it needs at least one: every optional param of an
 * `agentphone_update_*` tool is a field to update.
 */
const updatableFields = (tool: AnyTool) =>
  tool.id.startsWith('agentphone_update_')
    ? Object.entries(tool.params)
        .filter(([, param]) => !param.required)
        .map(([name]) => name)
    : []

const schemas = new WeakMap<AnyTool, z.ZodType<Record<string, unknown>>>()

/** The schema that validates and normalizes a tool's raw params; built once per tool. */
export function paramsSchemaOf(tool: AnyTool): z.ZodType<Record<string, unknown>> {
  const cached = schemas.get(tool)
  if (cached) return cached
  const shape = Object.fromEntries(
    Object.entries(tool.params).map(([name, param]) => {
      const { schema, optional = optionalBlank } = ruleFor(tool.id, name, param)
      return [name, param.required ? schema : optional(schema)]
    })
  )
  const fields = updatableFields(tool)
  const schema = z
    .object(shape)
    .refine(
      (params) => fields.length === 0 || fields.some((name) => params[name] !== undefined),
      `give at least one of ${fields.join(', ')}: there is nothing to update`
    )
  schemas.set(tool, schema)
  return schema
}

const normalizeName = (name: string) => name.toLowerCase().replace(/[_-]/g, '')

/** Params the tool does not take, each with the one it probably meant. */
function unknownParams(tool: AnyTool, params: Record<string, unknown>): string[] {
  const known = Object.keys(tool.params)
  return Object.keys(params)
    .filter((name) => params[name] !== undefined && !Object.hasOwn(tool.params, name))
    .map((name) => {
      const like = known.find((candidate) => normalizeName(candidate) === normalizeName(name))
      return `${name} is not a parameter of ${tool.id}${like ? ` (did you mean ${like}?)` : ''}`
    })
}

export type ParamsCheck<P> = { success: true; params: P } | { success: false; error: string }

/**
 * Validates raw params. With `refuseUnknown`, a param the tool does not take is an error rather
 * than dropped (a misspelt one would otherwise be lost); hosts such as Sim add params of their
 * own, so the request builders leave it off.
 */
export function checkParams<P>(
  tool: AnyTool,
  raw: unknown,
  { refuseUnknown = false } = {}
): ParamsCheck<P> {
  const invalid = (problems: string) => ({
    success: false as const,
    error: `Invalid parameters for ${tool.id}: ${problems}`,
  })
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return invalid('expected an object of named parameters')
  }
  const parsed = paramsSchemaOf(tool).safeParse(raw)
  const problems = [
    ...(parsed.success ? [] : [describeIssues(parsed.error)]),
    ...(refuseUnknown ? unknownParams(tool, raw as Record<string, unknown>) : []),
  ]
  if (!parsed.success || problems.length > 0) return invalid(problems.join('; '))
  // Frozen, so what was validated stays what is sent: the request builders take it as it is.
  const params = Object.freeze(parsed.data)
  validated.set(params, tool)
  return { success: true, params: params as P }
}

/** Params objects `checkParams` produced, with the tool they were validated for. */
const validated = new WeakMap<object, AnyTool>()

/** The validated params, or an error naming each bad field: for callers that must throw. */
export function validParams<P>(tool: AnyTool, raw: P): P {
  // Already validated for this tool (the runtime validates once, then builds the request).
  if (typeof raw === 'object' && raw !== null && validated.get(raw) === tool) return raw
  const result = checkParams<P>(tool, raw)
  if (!result.success) throw new Error(result.error)
  return result.params
}

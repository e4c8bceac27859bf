/**
 * Reading requests with zod, refusing bad input the way FastAPI does: 422 with a `detail` list
 * of `{loc, msg, type}`, messages worded like pydantic's.
 */
import { z } from 'zod'
import { isIsoTimestamp, jsonProblem } from '../tools/agentphone/params.js'
import { ValidationError, type ValidationIssue } from './errors.js'
import { normalizePhone } from './phone.js'

export type InputLocation = 'body' | 'query' | 'path'

const TYPE_NAMES: Record<string, string> = {
  string: 'string',
  number: 'number',
  int: 'integer',
  boolean: 'boolean',
  object: 'dictionary',
  record: 'dictionary',
  array: 'list',
}

const quoteList = (values: readonly unknown[]) => {
  const quoted = values.map((value) => `'${String(value)}'`)
  return quoted.length < 2
    ? quoted.join('')
    : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`
}

/** Text where a number was expected (query values are all text). */
const isUnparsedNumber = (issue: { expected?: string; input?: unknown }) =>
  (issue.expected === 'number' || issue.expected === 'int') && typeof issue.input === 'string'

/** pydantic's wording, for the issues a schema does not word itself. */
const pydanticMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Field required'
      if (isUnparsedNumber(issue)) {
        return 'Input should be a valid integer, unable to parse string as an integer'
      }
      return `Input should be a valid ${TYPE_NAMES[issue.expected] ?? issue.expected}`
    case 'too_small':
      return issue.origin === 'string'
        ? `String should have at least ${issue.minimum} character${issue.minimum === 1 ? '' : 's'}`
        : `Input should be greater than or equal to ${issue.minimum}`
    case 'too_big':
      return issue.origin === 'string'
        ? `String should have at most ${issue.maximum} characters`
        : `Input should be less than or equal to ${issue.maximum}`
    case 'invalid_value':
      return `Input should be ${quoteList(issue.values)}`
    default:
      return undefined
  }
}

function issueType(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'missing'
      return isUnparsedNumber(issue) ? 'int_parsing' : `${issue.expected}_type`
    case 'too_small':
      return issue.origin === 'string' ? 'string_too_short' : 'greater_than_equal'
    case 'too_big':
      return issue.origin === 'string' ? 'string_too_long' : 'less_than_equal'
    case 'invalid_value':
      return 'enum'
    default:
      return 'value_error'
  }
}

/** Parses one part of a request, or throws a 422 whose `loc` starts with that part's name. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  location: InputLocation
): z.output<S> {
  const result = schema.safeParse(input, { error: pydanticMessages, reportInput: true })
  if (result.success) return result.data
  throw new ValidationError(
    result.error.issues.map(
      (issue): ValidationIssue => ({
        loc: [location, ...issue.path.map((key) => (typeof key === 'number' ? key : String(key)))],
        msg: issue.message,
        type: issueType(issue),
      })
    )
  )
}

/** Query strings arrive as text: numeric text becomes a number, anything else stays and fails. */
const fromQueryText = (value: unknown) =>
  typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : value

/** An integer query parameter in [min, max] (no max when omitted), with a default. */
export const intQuery = ({ fallback, min, max }: { fallback: number; min: number; max?: number }) =>
  z.preprocess(
    fromQueryText,
    (max === undefined ? z.int().min(min) : z.int().min(min).max(max)).default(fallback)
  )

/** `limit`/`offset` paging with the endpoint's default and maximum limit. */
export const pageQuery = ({ limit, max }: { limit: number; max?: number }) =>
  z.object({
    limit: intQuery({ fallback: limit, min: 1, ...(max === undefined ? {} : { max }) }),
    offset: intQuery({ fallback: 0, min: 0 }),
  })

export const isoTimestamp = z
  .string()
  .refine(isIsoTimestamp, 'Input should be a valid datetime in ISO 8601 format')
  .transform((value) => Date.parse(value))

/** `limit`/`before`/`after` paging for message lists. */
export const cursorQuery = z.object({
  limit: intQuery({ fallback: 50, min: 1, max: 200 }),
  before: isoTimestamp.optional(),
  after: isoTimestamp.optional(),
})

/** A phone number in any common notation, normalized to E.164. */
export const phoneNumber = z.string().transform((value, ctx) => {
  const normalized = normalizePhone(value)
  if (normalized) return normalized
  ctx.addIssue({
    code: 'custom',
    message: 'value is not a valid phone number: use E.164, e.g. +14155551234',
    input: value,
  })
  return z.NEVER
})

/** Text that must not be blank. */
export const nonBlank = z
  .string()
  .refine((value) => value.trim() !== '', 'String should not be blank')

/** An upper-cased string, so `us` and `US` are the same country. */
export const upperCased = (value: unknown) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value

/** A boolean query parameter, read as pydantic reads one (`true`/`false`, `1`/`0`, `yes`/`no`…). */
export const booleanQuery = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value
    const text = value.trim().toLowerCase()
    if (['true', '1', 'yes', 'on', 't', 'y'].includes(text)) return true
    if (['false', '0', 'no', 'off', 'f', 'n'].includes(text)) return false
    return value
  },
  z.boolean({ error: 'Input should be a valid boolean, unable to interpret input' })
)

/** The locales an agent can speak (BCP-47), as the API lists them. */
export const LANGUAGES = [
  'af-ZA',
  'ar-SA',
  'az-AZ',
  'bg-BG',
  'bs-BA',
  'ca-ES',
  'cs-CZ',
  'cy-GB',
  'da-DK',
  'de-DE',
  'el-GR',
  'en-AU',
  'en-GB',
  'en-IN',
  'en-NZ',
  'en-US',
  'es-419',
  'es-ES',
  'fa-IR',
  'fi-FI',
  'fil-PH',
  'fr-CA',
  'fr-FR',
  'gl-ES',
  'he-IL',
  'hi-IN',
  'hr-HR',
  'hu-HU',
  'hy-AM',
  'id-ID',
  'is-IS',
  'it-IT',
  'ja-JP',
  'kk-KZ',
  'kn-IN',
  'ko-KR',
  'lt-LT',
  'lv-LV',
  'mk-MK',
  'mr-IN',
  'ms-MY',
  'ne-NP',
  'nl-BE',
  'nl-NL',
  'no-NO',
  'pl-PL',
  'pt-BR',
  'pt-PT',
  'ro-RO',
  'ru-RU',
  'sk-SK',
  'sl-SI',
  'sr-RS',
  'sv-SE',
  'sw-KE',
  'ta-IN',
  'th-TH',
  'tr-TR',
  'uk-UA',
  'ur-IN',
  'vi-VN',
  'yue-CN',
  'zh-CN',
] as const

/**
 * A free-form JSON object (metadata, parameters) within the API's bounds: at most 32 levels deep
 * and 64 KiB as JSON. Stored unbounded, one deep enough would make every later save fail.
 */
export const boundedJsonObject = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  const problem = jsonProblem(value)
  if (problem)
    ctx.addIssue({ code: 'custom', path: problem[0], message: `Value error, ${problem[1]}` })
})

/**
 * Turning what an editor field holds (mostly strings) into the value a tool param of a given type
 * takes. `undefined` means "not given": the param is left out.
 */
import { isBlank, parseDecimal } from '../tools/agentphone/params.js'
import type { ParamType } from '../tools/types.js'

const MAX_SHOWN = 40

/**
 * What the user typed, quoted, for an error message. A long value is described, not cut short:
 * a cut-off secret would slip past redaction, which replaces whole secrets only.
 */
function shown(value: unknown): string {
  let text: string
  try {
    text = typeof value === 'string' ? value : String(JSON.stringify(value))
  } catch {
    // A BigInt, a cycle, a throwing toJSON: described by its type alone.
    return `a ${typeof value} value`
  }
  return text.length > MAX_SHOWN ? `a ${text.length}-character value` : JSON.stringify(text)
}

/** The parser's reason, without the excerpt of the input some engines quote in it. */
const jsonReason = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).replace(/, .* is not valid JSON$/s, '')

/** A blank field is not given; `' 25 '` is 25; anything else that is not a number is an error. */
export function toNumber(value: unknown, title: string): number | undefined {
  if (isBlank(value)) return undefined
  if (typeof value === 'number' && Number.isFinite(value)) return value
  const parsed = typeof value === 'string' ? parseDecimal(value) : undefined
  if (parsed !== undefined) return parsed
  throw new Error(`${title} must be a number, got ${shown(value)}`)
}

/**
 * A JSON object typed as text (or already an object). Blank means "no object": `null`, which a
 * tool that stores the object reads as "clear it".
 */
export function toJsonObject(value: unknown, title: string): Record<string, unknown> | null {
  if (isBlank(value)) return null
  let parsed = value
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value)
    } catch (error) {
      throw new Error(`${title} must be valid JSON: ${jsonReason(error)}`)
    }
  }
  if (parsed === null) return null
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${title} must be a JSON object, e.g. {"orderId": "ORD-123"}`)
  }
  return parsed as Record<string, unknown>
}

/** Text is passed as typed; a blank field is not given; a number from a reference becomes text. */
export function toText(value: unknown): unknown {
  if (isBlank(value)) return undefined
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return value
}

/** The value for a param of this type; throws an Error naming the field for a bad value. */
export function toParamValue(value: unknown, type: ParamType, title: string): unknown {
  switch (type) {
    case 'number':
      return toNumber(value, title)
    case 'json':
      return toJsonObject(value, title)
    case 'string':
      return toText(value)
    default:
      return isBlank(value) ? undefined : value
  }
}

/**
 * Reading what a caller passed in without trusting it: a getter or a Proxy trap may throw, a
 * revoked Proxy throws on any touch, and fields inherited from a prototype would slip past a
 * check of own keys. Each object is copied once into a plain one, so what was validated is
 * exactly what is used, and every failure names what could not be read.
 */

/**
 * The values read; `problem` says why the input is not usable (then `values` holds the fields
 * that could be read, so a key among them can still be scrubbed from the answer).
 */
export interface Snapshot {
  values: Record<string, unknown>
  problem?: string
}

const reason = (error: unknown) => describeError(error)

/** An error's message, or a description of whatever was thrown; never throws itself. */
export function describeError(error: unknown): string {
  try {
    if (error instanceof Error) return String(error.message)
    return String(error)
  } catch {
    return 'an error that cannot be described'
  }
}

/**
 * The own enumerable string-keyed fields of a plain object (`{…}` or `Object.create(null)`);
 * `undefined`/`null` read as `{}`. `what` names the input in a problem, e.g. "parameters".
 */
export function snapshot(input: unknown, what: string): Snapshot {
  if (input === undefined || input === null) return { values: {} }
  let prototype: unknown
  try {
    if (typeof input !== 'object' || Array.isArray(input)) {
      return { values: {}, problem: `expected an object of named ${what}` }
    }
    prototype = Object.getPrototypeOf(input)
  } catch (error) {
    return { values: {}, problem: `the ${what} could not be read (${reason(error)})` }
  }
  if (prototype !== Object.prototype && prototype !== null) {
    return {
      values: {},
      problem: `expected a plain object of named ${what}, not an instance of another type`,
    }
  }
  let keys: string[]
  try {
    keys = Object.keys(input)
  } catch (error) {
    return { values: {}, problem: `the ${what} could not be listed (${reason(error)})` }
  }
  // No prototype: a `__proto__` field is then a field like any other.
  const values: Record<string, unknown> = Object.create(null)
  let problem: string | undefined
  for (const key of keys) {
    try {
      values[key] = (input as Record<string, unknown>)[key]
    } catch (error) {
      problem ??= `${key} could not be read (${reason(error)})`
    }
  }
  return problem ? { values, problem } : { values }
}

/** The API key as it is sent (trimmed), if the params hold a string one. */
export const apiKeyOf = (values: Record<string, unknown>) =>
  typeof values.apiKey === 'string' ? values.apiKey.trim() : undefined

/**
 * References in block fields, resolved as Sim resolves them (executor/variables in Sim):
 *   - `<blockName.path.to.field>`: the block's name lowercased, whitespace and dots removed;
 *     `.0` and `[0]` both index into lists;
 *   - `{{NAME}}`: a value from the run's environment;
 *   - a field that is exactly one reference keeps the value's type; references inside text are
 *     stringified (objects as JSON, a skipped block's output as empty text).
 * Unlike Sim, an unknown block, field or environment name is an error naming it (Sim leaves the
 * text as typed), and text produced by a reference is never scanned again, so a block output
 * holding `{{NAME}}` cannot pull a secret into the run.
 */

/** A known block that produced nothing (skipped): `null` as a whole field, `''` inside text. */
export const EMPTY: unique symbol = Symbol('empty')
export type Resolved = unknown

export class UnresolvedReference extends Error {
  override name = 'UnresolvedReference'
}

export const normalizeName = (name: string) =>
  name.toLowerCase().replace(/\s+/g, '').replace(/\./g, '')

export type Token =
  | { kind: 'env'; name: string; text: string; index: number }
  | { kind: 'ref'; blockName: string; path: string[]; text: string; index: number }

const TOKEN_PATTERN = /\{\{([^}]+)\}\}|<([^<>]+)>/g
const OPERATOR_CHARS = /[+*/=<>!]/

/**
 * Whether `<inner>` reads as a reference rather than comparison text such as `a < b && c > d`
 * (Sim's `isLikelyReferenceSegment`).
 */
function isLikelyReference(inner: string): boolean {
  if (!inner || inner.startsWith(' ')) return false
  if (/^\s*[<>=!]+\s*$/.test(inner) || /\s[<>=!]+\s/.test(inner) || /^[<>=!]+\s/.test(inner)) {
    return false
  }
  const dot = inner.indexOf('.')
  if (dot === -1) return !OPERATOR_CHARS.test(inner) && !/^\d+$/.test(inner) && !/\s\d/.test(inner)
  const [before, after] = [inner.slice(0, dot), inner.slice(dot + 1)]
  return !after.includes(' ') && !OPERATOR_CHARS.test(before) && !OPERATOR_CHARS.test(after)
}

/** The `{{NAME}}` and `<block.path>` references in a text, in order. */
export function tokensOf(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const [whole, envName, inner] = match
    const index = match.index ?? 0
    if (envName !== undefined) {
      tokens.push({ kind: 'env', name: envName.trim(), text: whole, index })
    } else if (inner !== undefined && isLikelyReference(inner)) {
      const [blockName = '', ...path] = inner.split('.')
      tokens.push({ kind: 'ref', blockName, path, text: whole, index })
    }
  }
  return tokens
}

/** Whether the text names any reference at all (fields without one are used as typed). */
export const hasReference = (text: string) => tokensOf(text).length > 0

const INDEXED_PART = /^([^[]+)((?:\[\d+\])+)$/

/**
 * Path parts with `prop[0][1]` split into `prop`, `0`, `1`; throws for a malformed part such as
 * `items[x]` or an empty one (`a..b`).
 */
export function splitPath(path: string[], text: string): string[] {
  return path.flatMap((part) => {
    if (part === '') throw new UnresolvedReference(`${text} has an empty path segment`)
    if (!part.includes('[')) return [part]
    const indexed = INDEXED_PART.exec(part)
    if (!indexed) throw new UnresolvedReference(`${text} has a malformed index in "${part}"`)
    const indices = [...(indexed[2] ?? '').matchAll(/\[(\d+)\]/g)].map((index) => index[1] ?? '')
    return [indexed[1] ?? '', ...indices]
  })
}

/** Sim's `navigatePath`: `undefined` when the path leads nowhere. */
export function navigate(value: unknown, parts: string[]): unknown {
  let current = value
  for (const part of parts) {
    if (current === null || current === undefined) return undefined
    if (/^\d+$/.test(part)) {
      current = Array.isArray(current) ? current[Number(part)] : undefined
    } else if (typeof current === 'object' && Object.hasOwn(current, part)) {
      current = (current as Record<string, unknown>)[part]
    } else if (part === 'length' && (Array.isArray(current) || typeof current === 'string')) {
      current = current.length
    } else {
      return undefined
    }
  }
  return current
}

/** How a resolved value reads inside text (Sim's default formatting). */
export function stringify(value: unknown): string {
  if (value === EMPTY || value === null || value === undefined) return ''
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** Resolves one token; throws a UnresolvedReference naming what is unknown. */
export type TokenResolver = (token: Token) => Resolved

/**
 * A field's value with its references resolved: a whole-field reference keeps its type, embedded
 * ones are stringified. Lists and objects are resolved item by item.
 */
export function resolveValue(value: unknown, resolve: TokenResolver): unknown {
  if (typeof value === 'string') return resolveText(value, resolve)
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, resolve))
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveValue(item, resolve)])
    )
  }
  return value
}

export function resolveText(
  text: string,
  resolve: TokenResolver,
  format: (value: unknown, token: Token) => string = stringify
): unknown {
  const tokens = tokensOf(text)
  if (tokens.length === 0) return text
  const [only] = tokens
  if (tokens.length === 1 && only && text.trim() === only.text) {
    const value = resolve(only)
    return value === EMPTY ? null : value
  }
  let result = ''
  let cursor = 0
  for (const token of tokens) {
    result += text.slice(cursor, token.index) + format(resolve(token), token)
    cursor = token.index + token.text.length
  }
  return result + text.slice(cursor)
}

/**
 * JSON text holding references (the Response block's `data`): a reference inside a string literal
 * is inserted escaped, one outside is inserted as JSON, so `{"id": "<a.id>", "n": <a.count>}`
 * stays valid JSON whatever the values hold.
 */
export function resolveJsonText(text: string, resolve: TokenResolver): string {
  const tokens = tokensOf(text)
  let result = ''
  let cursor = 0
  let inString = false
  const scan = (upTo: number) => {
    for (let i = cursor; i < upTo; i++) {
      const char = text[i]
      if (char === '\\' && inString) i++
      else if (char === '"') inString = !inString
    }
  }
  for (const token of tokens) {
    scan(token.index)
    const value = resolve(token)
    result += text.slice(cursor, token.index)
    if (inString) {
      result += JSON.stringify(stringify(value)).slice(1, -1)
    } else {
      result += value === EMPTY || value === undefined ? 'null' : JSON.stringify(value)
    }
    cursor = token.index + token.text.length
  }
  return result + text.slice(cursor)
}

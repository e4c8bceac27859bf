/**
 * Scrubbing the API key from anything we return. A server or a fetch implementation may echo the
 * key in another form than it was sent, so each character of the key is matched in every form we
 * can compute: as is, JSON-escaped (`\"`, `\\`, `\/`), `\u`-escaped, percent-encoded and as an
 * HTML character reference, in any mix and with hex digits in either case.
 */

export const REDACTED = '[REDACTED]'
/** Used instead when the key itself could be read out of `[REDACTED]`s placed side by side. */
const FALLBACK_MARKER = '[SECRET]'
/** Shorter strings are certainly not a key, and replacing them would mangle ordinary text. */
export const MIN_SECRET_LENGTH = 6

const regexEscape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')

/** `[aA][0-9]`-style classes, so `%2f` and `%2F` both match. */
const anyCaseHex = (hex: string) =>
  [...hex]
    .map((digit) =>
      /[a-f]/i.test(digit) ? `[${digit.toLowerCase()}${digit.toUpperCase()}]` : digit
    )
    .join('')

const JSON_SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
}
const HTML_NAMED: Record<string, string> = {
  '"': '&quot;',
  '&': '&amp;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
}

/** Every spelling of one UTF-16 code unit of the key, as a regex alternation. */
function formsOf(char: string): string {
  const code = char.charCodeAt(0)
  const hex4 = code.toString(16).padStart(4, '0')
  const forms = [
    regexEscape(char),
    `\\\\u${anyCaseHex(hex4)}`,
    `&#0*${code};`,
    `&#[xX]0*${anyCaseHex(code.toString(16))};`,
  ]
  const jsonEscape = JSON_SHORT_ESCAPES[char]
  if (jsonEscape) forms.push(regexEscape(jsonEscape))
  const named = HTML_NAMED[char]
  if (named) forms.push(regexEscape(named))
  if (char === ' ') forms.push('\\+')
  if (code < 0xd800 || code > 0xdfff) {
    // UTF-8 bytes, percent-encoded: one %XX per byte.
    forms.push(
      encodeURIComponent(char) === char
        ? `%${anyCaseHex(code.toString(16).padStart(2, '0'))}`
        : [...encodeURIComponent(char).matchAll(/%([0-9A-F]{2})/g)]
            .map(([, byte]) => `%${anyCaseHex(byte ?? '')}`)
            .join('')
    )
  }
  return `(?:${forms.join('|')})`
}

export interface Redactor {
  /** The text with every spelling of the key replaced by a marker. */
  text(text: string): string
  /** The value with `text` applied to every string in it, keys included. */
  value<T>(value: T): T
}

const identity: Redactor = { text: (text) => text, value: (value) => value }

/**
 * Where every spelling but the key's own begins: `\` (JSON and `\u` escapes), `%` (percent
 * encoding), `&` (HTML references), and `+` for a space. Text without them can hold the key only
 * as is, which a plain search finds.
 */
const ESCAPE_STARTS = ['\\', '%', '&']

/**
 * A redactor for this secret, writing `label` in its place; one that changes nothing when there is
 * no (plausible) secret.
 */
export function redactor(secret: string | undefined, label: string = REDACTED): Redactor {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) return identity
  const escapeStarts = secret.includes(' ') ? [...ESCAPE_STARTS, '+'] : ESCAPE_STARTS
  const mayHold = (input: string) =>
    input.includes(secret) || escapeStarts.some((start) => input.includes(start))
  // Built on first need: most texts are cleared by `mayHold` alone.
  let compiled: { pattern: RegExp; marker: string | undefined } | undefined
  const compile = () => {
    const pattern = new RegExp([...secret].map(formsOf).join(''), 'g')
    const longestForm = secret.length * 8
    const tiled = (marker: string) => marker.repeat(Math.ceil(longestForm / marker.length) + 2)
    // A marker the key can be found in (or across two of) would rebuild the key it replaced.
    const marker = [label, FALLBACK_MARKER].find((m) => !new RegExp(pattern.source).test(tiled(m)))
    compiled = { pattern, marker }
    return compiled
  }
  const text = (input: string): string => {
    if (input.length < secret.length || !mayHold(input)) return input
    const { pattern, marker } = compiled ?? compile()
    let result = input
    // Each pass replaces at least one character of the input that no marker holds, so this ends;
    // a second pass is needed only when a replacement and its neighbours spell the key again.
    for (let pass = 0; pass <= input.length; pass++) {
      pattern.lastIndex = 0
      if (!pattern.test(result)) return result
      pattern.lastIndex = 0
      if (!marker) return REDACTED
      result = result.replace(pattern, marker)
    }
    return REDACTED
  }
  const value = <T>(input: T): T => walk(input, text) as T
  return { text, value }
}

function walk(value: unknown, text: (input: string) => string): unknown {
  if (typeof value === 'string') return text(value)
  if (Array.isArray(value)) return value.map((item) => walk(item, text))
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [text(key), walk(inner, text)])
    )
  }
  return value
}

/** Shorthand for one value. */
export const redact = <T>(value: T, secret: string | undefined): T => redactor(secret).value(value)

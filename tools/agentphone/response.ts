/**
 * Reading an AgentPhone answer into a tool's outputs. The reader is derived from the tool's own
 * literal `outputs`: each declared field is read, every other field dropped. Reading is lenient
 * in the ways the API is: missing or null fields become null (lists become []), and snake_case
 * keys are read as their camelCase names.
 */
import { z } from 'zod'
import { describeErrorResponse, describeIssues, excerpt } from '@/tools/agentphone/errors'
import type { OutputProperty, ToolConfig, ToolResponse } from '@/tools/types'

/** `from_number` → `fromNumber`. A trailing underscore (`from_`) is kept: the seed keeps it. */
export const snakeToCamel = (key: string) =>
  key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())

/** Keys seen in answers, renamed once: an answer repeats the same few keys in every item. */
const camelNames = new Map<string, string>()
const MAX_CAMEL_NAMES = 4_096

function camelName(key: string): string {
  let camel = camelNames.get(key)
  if (camel === undefined) {
    camel = snakeToCamel(key)
    // Bounded: a server that sends ever new keys must not grow it without end.
    if (camelNames.size >= MAX_CAMEL_NAMES) camelNames.clear()
    camelNames.set(key, camel)
  }
  return camel
}

/** Renames every snake_case key to camelCase; where both spellings are present, the camelCase one wins. */
export function camelizeKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const result: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) {
    const camel = key.includes('_') ? camelName(key) : key
    if (camel !== key && camel in value) continue
    result[camel] = field
  }
  return result
}

/** A message's `mediaUrl` is null when the API carries its media only in `mediaUrls`. */
function withFirstMediaUrl(message: unknown): unknown {
  if (typeof message !== 'object' || message === null) return message
  const { mediaUrl, mediaUrls } = message as { mediaUrl?: unknown; mediaUrls?: unknown }
  const first = Array.isArray(mediaUrls) ? mediaUrls[0] : undefined
  return mediaUrl == null && typeof first === 'string' ? { ...message, mediaUrl: first } : message
}

const orNull = (schema: z.ZodType) => schema.nullish().transform((value) => value ?? null)

type Shape = Pick<OutputProperty, 'type' | 'properties' | 'items'>

function schemaOf(output: Shape): z.ZodType {
  switch (output.type) {
    case 'string':
      return orNull(z.string())
    case 'number':
      return orNull(z.number())
    case 'boolean':
      return orNull(z.boolean())
    case 'array': {
      const items = output.items ? schemaOf(output.items) : z.unknown()
      return z
        .array(items)
        .nullish()
        .transform((value) => value ?? [])
    }
    case 'object':
      return output.properties ? orNull(objectSchema(output.properties)) : orNull(z.unknown())
    default:
      // json (any JSON value, passed through as the API sent it) and file types.
      return orNull(z.unknown())
  }
}

function objectSchema(properties: Record<string, OutputProperty>): z.ZodType {
  const shape = Object.fromEntries(
    Object.entries(properties).map(([key, output]) => [key, schemaOf(output)])
  )
  const isMessage = 'mediaUrl' in properties && 'mediaUrls' in properties
  return z.preprocess(
    (raw) => {
      const camel = camelizeKeys(raw)
      return isMessage ? withFirstMediaUrl(camel) : camel
    },
    z.object(shape, { error: 'expected a JSON object' })
  )
}

/** What a reader returns for a value the schema would refuse: the schema then says why. */
const REFUSED: unique symbol = Symbol('refused')
type Reader = (value: unknown) => unknown

/**
 * The outputs' schema compiled to plain functions: the same result as the schema for every value
 * it accepts (the same fields, in the same order), without zod's per-call work. A value the
 * schema would refuse gives REFUSED; the schema itself is then run for the error.
 */
function readerOf(output: Shape): Reader {
  switch (output.type) {
    case 'string':
      return (value) => (value == null ? null : typeof value === 'string' ? value : REFUSED)
    case 'number':
      return (value) =>
        value == null ? null : typeof value === 'number' && Number.isFinite(value) ? value : REFUSED
    case 'boolean':
      return (value) => (value == null ? null : typeof value === 'boolean' ? value : REFUSED)
    case 'array': {
      const item = output.items ? readerOf(output.items) : (value: unknown) => value
      return (value) => {
        if (value == null) return []
        if (!Array.isArray(value)) return REFUSED
        const list = new Array(value.length)
        for (let i = 0; i < value.length; i++) {
          const read = item(value[i])
          if (read === REFUSED) return REFUSED
          list[i] = read
        }
        return list
      }
    }
    case 'object':
      if (output.properties) {
        const read = objectReader(output.properties)
        return (value) => (value == null ? null : read(value))
      }
      return (value) => value ?? null
    default:
      return (value) => value ?? null
  }
}

function objectReader(properties: Record<string, OutputProperty>): Reader {
  const fields = Object.entries(properties).map(([key, output]) => [key, readerOf(output)] as const)
  const isMessage = 'mediaUrl' in properties && 'mediaUrls' in properties
  return (raw) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return REFUSED
    let source = raw as Record<string, unknown>
    for (const key in source) {
      // A snake_case key: read from the renamed copy, as the schema does.
      if (key.includes('_')) {
        source = camelizeKeys(source) as Record<string, unknown>
        break
      }
    }
    if (isMessage) source = withFirstMediaUrl(source) as Record<string, unknown>
    const result: Record<string, unknown> = {}
    for (const [key, read] of fields) {
      const value = read(source[key])
      if (value === REFUSED) return REFUSED
      result[key] = value
    }
    return result
  }
}

const compiled = new WeakMap<Record<string, OutputProperty>, Reader>()

/**
 * A body read into these outputs: `{success: true, data}`, or the schema's refusal. The compiled
 * reader answers every value the schema accepts; only a refused one pays for the schema.
 */
export function readOutputs(
  outputs: Record<string, OutputProperty>,
  body: unknown
): { success: true; data: unknown } | { success: false; error: z.ZodError } {
  let read = compiled.get(outputs)
  if (!read) {
    read = objectReader(outputs)
    compiled.set(outputs, read)
  }
  const data = read(body)
  if (data !== REFUSED) return { success: true, data }
  return outputsSchemaOf(outputs).safeParse(body) as ReturnType<typeof readOutputs>
}

const readers = new WeakMap<Record<string, OutputProperty>, z.ZodType>()

/** The schema that reads a body into these outputs; built once per outputs object. */
export function outputsSchemaOf(outputs: Record<string, OutputProperty> = {}): z.ZodType {
  let reader = readers.get(outputs)
  if (!reader) {
    reader = objectSchema(outputs)
    readers.set(outputs, reader)
  }
  return reader
}

/**
 * The tool's result for an answer: on an error status, `success: false` with the status and the
 * API's own words; otherwise the declared outputs read from the JSON body, after `reshape` for
 * operations whose answer is not the output shape (it gets undefined for an empty body, e.g. 204).
 * A body that cannot be read throws an error saying why.
 */
export async function transformAgentPhoneResponse<P, R extends ToolResponse>(
  response: Response,
  tool: Pick<ToolConfig<P, R>, 'outputs' | 'request'>,
  reshape?: (body: unknown) => unknown
): Promise<R> {
  const text = await response.text()
  if (!response.ok) {
    return {
      success: false,
      output: {},
      error: describeErrorResponse(response.status, response.statusText, text),
    } as R
  }
  let body: unknown
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text)
    } catch {
      throw new Error(
        `AgentPhone returned a response that is not valid JSON (HTTP ${response.status}): ${excerpt(text)}`
      )
    }
  }
  const result = readOutputs(tool.outputs ?? {}, reshape ? reshape(body) : body)
  if (!result.success) {
    throw new Error(
      `AgentPhone returned an unexpected response (HTTP ${response.status}): ${describeIssues(result.error)}`
    )
  }
  // A create answered without the new resource's id cannot be followed up: not a success.
  if (tool.request.method === 'POST' && (result.data as { id?: unknown }).id == null) {
    throw new Error(
      `AgentPhone's answer (HTTP ${response.status}) has no id for what was created; the request may have been carried out`
    )
  }
  return { success: true, output: result.data } as R
}

type Raw = Record<string, unknown>
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null

/**
 * The transcript endpoint's body is unspecified. Accepted: `{transcript: [...]}` (or under
 * `transcripts`/`data`; null there means no turns yet), a bare array, and entries that are either
 * `{role, content, createdAt}` or a turn `{transcript, response, createdAt}`, which becomes a user
 * entry then an agent entry. Any other body is refused rather than read as an empty transcript.
 */
export function toTranscriptEntries(body: unknown): unknown[] {
  const holder = isObject(body)
    ? (['transcript', 'transcripts', 'data'] as const).find((key) => key in body)
    : undefined
  const list = Array.isArray(body) ? body : holder && isObject(body) ? (body[holder] ?? []) : body
  if (!Array.isArray(list)) {
    throw new Error(
      'AgentPhone returned a transcript in an unexpected shape: expected a list of turns'
    )
  }
  return list.flatMap((entry: unknown) => {
    if (!isObject(entry) || 'role' in entry || !('transcript' in entry || 'response' in entry)) {
      return [entry]
    }
    const createdAt = entry.createdAt ?? entry.created_at
    const turns = []
    if (typeof entry.transcript === 'string' && entry.transcript !== '') {
      turns.push({ role: 'user', content: entry.transcript, createdAt })
    }
    if (typeof entry.response === 'string' && entry.response !== '') {
      turns.push({ role: 'agent', content: entry.response, createdAt })
    }
    return turns
  })
}

/** A call's transcript: the call ID from the answer, else the one asked for. */
export const callTranscript = (callId: string | undefined) => (body: unknown) => ({
  callId: (isObject(body) && (body.callId ?? body.call_id)) || callId,
  transcript: toTranscriptEntries(body),
})

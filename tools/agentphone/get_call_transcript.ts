import { apiPath, defineAgentPhoneTool } from './define.js'
import { transcriptEntryFields } from './entities.js'
import { out } from './outputs.js'
import { params } from './params.js'

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

export const getCallTranscriptTool = defineAgentPhoneTool({
  operation: 'get_call_transcript',
  name: 'AgentPhone Get Call Transcript',
  description: 'Get the full ordered transcript for a call',
  params: {
    callId: params.id('ID of the call to retrieve the transcript for').required(),
  },
  method: 'GET',
  path: (p) => apiPath`/v1/calls/${p.callId}/transcript`,
  outputs: {
    callId: out.string('Call ID'),
    transcript: out.list('Ordered transcript turns for the call', transcriptEntryFields),
  },
  fromResponse: (body, p) => ({
    callId: (isObject(body) && (body.callId ?? body.call_id)) || p.callId,
    transcript: toTranscriptEntries(body),
  }),
})

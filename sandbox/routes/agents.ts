import { z } from 'zod'
import { endpoint } from '../endpoint.js'
import { ApiError } from '../errors.js'
import { findAgent, findNumber } from '../lookup.js'
import { type AccountState, AGENT_DEFAULTS, type Agent, type AgentSettings } from '../model.js'
import { paginate } from '../paging.js'
import { random } from '../random.js'
import { boundedJsonObject, LANGUAGES, nonBlank, pageQuery } from '../validation.js'
import {
  agentConversationView,
  agentNumberView,
  agentView,
  callView,
  lastActivity,
} from '../views.js'

/** The voices agents can speak with (`voice` takes a `voice_id`). */
export const VOICES = [
  { voice_id: 'alloy', voice_name: 'Alloy', gender: 'neutral', accent: 'American' },
  { voice_id: 'ash', voice_name: 'Ash', gender: 'male', accent: 'American' },
  { voice_id: 'coral', voice_name: 'Coral', gender: 'female', accent: 'American' },
  { voice_id: 'echo', voice_name: 'Echo', gender: 'male', accent: 'American' },
  { voice_id: 'fable', voice_name: 'Fable', gender: 'male', accent: 'British' },
  { voice_id: 'nova', voice_name: 'Nova', gender: 'female', accent: 'American' },
  { voice_id: 'sage', voice_name: 'Sage', gender: 'female', accent: 'American' },
  { voice_id: 'shimmer', voice_name: 'Shimmer', gender: 'female', accent: 'American' },
  { voice_id: 'verse', voice_name: 'Verse', gender: 'male', accent: 'American' },
].map((voice) => ({ ...voice, provider: 'sandbox', preview_audio_url: null }))

const CUSTOM_TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/

const customTool = z.object({
  name: z.string().regex(CUSTOM_TOOL_NAME, 'must be 1-64 letters, digits, _ or -'),
  description: nonBlank,
  url: z.url({ protocol: /^https$/, error: 'Input should be a valid https URL' }),
  method: z.enum(['GET', 'POST']).optional(),
  headers: z.record(z.string(), z.string()).nullish(),
  parameters: boundedJsonObject.nullish(),
  timeoutMs: z.int().min(1_000).max(120_000).nullish(),
  speakDuringExecution: z.boolean().nullish(),
  executionMessage: z.string().nullish(),
})

/** Everything an agent's PATCH can change; create takes the same, with `name` required. */
const agentFields = {
  description: z.string().nullish(),
  voiceMode: z.enum(['webhook', 'hosted']).optional(),
  enableMessaging: z.boolean().nullish(),
  modelTier: z.enum(['turbo', 'balanced', 'max']).optional(),
  systemPrompt: z.string().nullish(),
  beginMessage: z.string().nullish(),
  voice: z.string().nullish(),
  transferNumber: z.string().nullish(),
  customTools: z.array(customTool).max(20).nullish(),
  voicemailMessage: z.string().nullish(),
  callScreeningIdentity: z.string().nullish(),
  callScreeningPurpose: z.string().nullish(),
  sttMode: z.enum(['fast', 'accurate']).optional(),
  ambientSound: z.enum(['none', 'office', 'coffee-shop', 'outdoor']).optional(),
  denoisingMode: z
    .enum(['noise-cancellation', 'noise-and-background-speech-cancellation'])
    .optional(),
  maxSilenceMs: z.int().min(10_000).max(3_600_000).nullish(),
  voiceSpeed: z.number().min(0.5).max(2).nullish(),
  interruptionSensitivity: z.number().min(0).max(1).nullish(),
  enableBackchannel: z.boolean().nullish(),
  language: z.enum(LANGUAGES).optional(),
}

const createAgentBody = z.object({ name: nonBlank, ...agentFields })
const updateAgentBody = z.object({ name: nonBlank.nullish(), ...agentFields }).default({})

type AgentChanges = z.output<typeof updateAgentBody>

/** Fields that cannot be null: a null in the request leaves them as they are. */
const NOT_NULLABLE = new Set<string>([
  'name',
  'voice',
  'enableMessaging',
  'maxSilenceMs',
  'voiceSpeed',
  'interruptionSensitivity',
  'enableBackchannel',
])

function applyChanges(agent: Agent, changes: AgentChanges) {
  if (changes.voice !== undefined && changes.voice !== null) assertVoice(changes.voice)
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || (value === null && NOT_NULLABLE.has(key))) continue
    Object.assign(agent, { [key]: value })
  }
}

function assertVoice(voice: string) {
  if (!VOICES.some((known) => known.voice_id === voice)) {
    throw new ApiError(400, `Unknown voice '${voice}': list the voices with GET /v1/agents/voices`)
  }
}

/** The agent's numbers, conversations and calls keep existing, without an agent. */
function forgetAgent(account: AccountState, agent: Agent) {
  for (const list of [account.numbers, account.conversations, account.calls]) {
    for (const item of list) if (item.agentId === agent.id) item.agentId = null
  }
  account.agents.splice(account.agents.indexOf(agent), 1)
}

const settingsOf = (changes: AgentChanges): Partial<AgentSettings> => {
  const settings: Partial<AgentSettings> = {}
  for (const key of Object.keys(AGENT_DEFAULTS) as (keyof AgentSettings)[]) {
    const value = changes[key]
    if (value !== undefined && value !== null) Object.assign(settings, { [key]: value })
  }
  return settings
}

export const agentEndpoints = [
  // Before /v1/agents/:agentId, so `voices` is not read as an agent ID.
  endpoint({
    method: 'GET',
    path: '/v1/agents/voices',
    handle: () => ({ data: VOICES }),
  }),

  endpoint({
    method: 'GET',
    path: '/v1/agents',
    query: pageQuery({ limit: 20, max: 100 }),
    handle: ({ account, query }) =>
      paginate(account.agents, query, (agent) => agentView(account, agent)),
  }),

  endpoint({
    method: 'POST',
    path: '/v1/agents',
    body: createAgentBody,
    handle: ({ account, body, now }) => {
      if (body.voice) assertVoice(body.voice)
      const agent: Agent = {
        id: random(account).id('agt'),
        name: body.name,
        voiceMode: body.voiceMode ?? 'webhook',
        voice: body.voice ?? 'alloy',
        systemPrompt: body.systemPrompt ?? null,
        beginMessage: body.beginMessage ?? null,
        createdAt: now,
        ...settingsOf(body),
      }
      account.agents.push(agent)
      return agentView(account, agent)
    },
  }),

  endpoint({
    method: 'GET',
    path: '/v1/agents/:agentId',
    handle: ({ account, params }) => agentView(account, findAgent(account, params.agentId)),
  }),

  endpoint({
    method: 'PATCH',
    path: '/v1/agents/:agentId',
    body: updateAgentBody,
    handle: ({ account, params, body }) => {
      const agent = findAgent(account, params.agentId)
      applyChanges(agent, body)
      return agentView(account, agent)
    },
  }),

  endpoint({
    method: 'DELETE',
    path: '/v1/agents/:agentId',
    handle: ({ account, params }) => {
      const agent = findAgent(account, params.agentId)
      forgetAgent(account, agent)
      return { success: true, id: agent.id, name: agent.name }
    },
  }),

  endpoint({
    method: 'POST',
    path: '/v1/agents/:agentId/numbers',
    body: z.object({ numberId: nonBlank }),
    handle: ({ account, params, body }) => {
      const agent = findAgent(account, params.agentId)
      const number = findNumber(account, body.numberId)
      if (number.status !== 'active') {
        throw new ApiError(
          400,
          `Phone number ${number.id} has been released and cannot be attached`
        )
      }
      number.agentId = agent.id
      return { agentId: agent.id, number: agentNumberView(number) }
    },
  }),

  endpoint({
    method: 'DELETE',
    path: '/v1/agents/:agentId/numbers/:numberId',
    handle: ({ account, params }) => {
      const agent = findAgent(account, params.agentId)
      const number = findNumber(account, params.numberId)
      if (number.agentId !== agent.id) {
        throw new ApiError(400, `Phone number ${number.id} is not attached to agent ${agent.id}`)
      }
      number.agentId = null
      return { success: true, agentId: agent.id, numberId: number.id }
    },
  }),

  endpoint({
    method: 'GET',
    path: '/v1/agents/:agentId/conversations',
    query: pageQuery({ limit: 20, max: 100 }),
    handle: ({ account, params, query }) => {
      const agent = findAgent(account, params.agentId)
      const conversations = account.conversations
        .filter((conversation) => conversation.agentId === agent.id)
        .sort((a, b) => lastActivity(account, b) - lastActivity(account, a))
      return paginate(conversations, query, (conversation) =>
        agentConversationView(account, conversation)
      )
    },
  }),

  endpoint({
    method: 'GET',
    path: '/v1/agents/:agentId/calls',
    query: pageQuery({ limit: 20, max: 100 }),
    handle: ({ account, params, query, now, origin }) => {
      const agent = findAgent(account, params.agentId)
      const calls = account.calls
        .filter((call) => call.agentId === agent.id)
        .sort((a, b) => b.placedAt - a.placedAt)
      return paginate(calls, query, (call) => callView(call, now, origin))
    },
  }),
]

import { z } from 'zod'
import { callProgress, FINAL_STATUSES, outboundScript, planCall, webScript } from '../calls.js'
import { endpoint } from '../endpoint.js'
import { ApiError } from '../errors.js'
import { findAgent, findCall, findNumber, senderNumber } from '../lookup.js'
import type { AccountState, Call } from '../model.js'
import { paginate } from '../paging.js'
import { random } from '../random.js'
import { transcriptStream } from '../stream.js'
import {
  booleanQuery,
  boundedJsonObject,
  intQuery,
  nonBlank,
  pageQuery,
  phoneNumber,
} from '../validation.js'
import { callDetailView, callView, transcriptView } from '../views.js'
import { waitForCall } from '../wait.js'

/** `{{name}}` values; the SDK types them as nullable, and a null one is simply not set. */
const variables = z
  .record(z.string(), z.string().nullable())
  .nullish()
  .transform((values) =>
    values
      ? Object.fromEntries(
          Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== null)
        )
      : undefined
  )

const createCallBody = z.object({
  agentId: nonBlank,
  toNumber: phoneNumber,
  fromNumberId: z.string().nullish(),
  initialGreeting: z.string().nullish(),
  voice: z.string().nullish(),
  systemPrompt: z.string().nullish(),
  variables,
  modelTier: z.enum(['turbo', 'balanced', 'max']).optional(),
  callScreeningIdentity: z.string().nullish(),
  callScreeningPurpose: z.string().nullish(),
})

const createWebCallBody = z.object({
  agentId: nonBlank,
  metadata: boundedJsonObject.nullish(),
  variables,
})

/** The filters are free text, as in the API: a value no call has simply matches nothing. */
const listCallsQuery = pageQuery({ limit: 20, max: 100 }).extend({
  status: z.string().optional(),
  direction: z.string().optional(),
  type: z.string().optional(),
  search: z.string().optional(),
})

/** The longest a `wait=true` request is held, in seconds (longer timeouts are cut to it). */
export const MAX_WAIT_SECONDS = 300
/** How long `wait=true` holds the request when no `timeout` is given, in seconds. */
export const DEFAULT_WAIT_SECONDS = 120

const getCallQuery = z.object({
  wait: booleanQuery.default(false),
  timeout: intQuery({ fallback: DEFAULT_WAIT_SECONDS, min: 0 }),
})

const orUndefined = (value: string | null | undefined) => value || undefined

/** `{{name}}` placeholders filled from `variables`; unknown names stay as written. */
const fillIn = (text: string | undefined, values: Record<string, string> | null | undefined) =>
  text && values
    ? text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole)
    : text

function assertVariablesAllowed(
  values: Record<string, string> | null | undefined,
  hosted: boolean
) {
  if (values && Object.keys(values).length > 0 && !hosted) {
    throw new ApiError(
      400,
      'variables require a systemPrompt or a hosted-mode agent: a webhook-mode agent has no prompt to fill in'
    )
  }
}

const newestFirst = (calls: Call[]) => [...calls].sort((a, b) => b.placedAt - a.placedAt)

function matchesFilters(call: Call, query: z.output<typeof listCallsQuery>, now: number) {
  return (
    (!query.status || callProgress(call, now).status === query.status) &&
    (!query.direction || call.direction === query.direction) &&
    (!query.type || call.type === query.type) &&
    (!query.search ||
      call.fromNumber.includes(query.search) ||
      call.toNumber.includes(query.search))
  )
}

function placeCall(account: AccountState, call: Call) {
  account.calls.push(call)
  return call
}

export const callEndpoints = [
  endpoint({
    method: 'POST',
    path: '/v1/calls',
    body: createCallBody,
    handle: ({ account, body, now, origin }) => {
      const agent = findAgent(account, body.agentId)
      assertVariablesAllowed(
        body.variables,
        Boolean(body.systemPrompt) || agent.voiceMode === 'hosted'
      )
      const number = senderNumber(account, agent, body.fromNumberId)
      const call = placeCall(
        account,
        planCall(random(account), {
          agent,
          number,
          participant: body.toNumber,
          direction: 'outbound',
          placedAt: now,
          voice: orUndefined(body.voice),
          script: outboundScript(
            agent,
            fillIn(
              orUndefined(body.initialGreeting) ?? orUndefined(agent.beginMessage),
              body.variables
            ),
            fillIn(
              orUndefined(body.systemPrompt) ?? orUndefined(agent.systemPrompt),
              body.variables
            )
          ),
        })
      )
      const { id, agentId, fromNumber, toNumber, phoneNumberId, direction, status, startedAt } =
        callView(call, now, origin)
      return { id, agentId, fromNumber, toNumber, phoneNumberId, direction, status, startedAt }
    },
  }),

  endpoint({
    method: 'POST',
    path: '/v1/calls/web',
    body: createWebCallBody,
    handle: ({ account, body, now }) => {
      const agent = findAgent(account, body.agentId)
      assertVariablesAllowed(body.variables, agent.voiceMode === 'hosted')
      const rand = random(account)
      const call = placeCall(
        account,
        planCall(rand, {
          agent,
          number: null,
          participant: 'web',
          direction: 'inbound',
          placedAt: now,
          script: webScript(agent, fillIn(agent.beginMessage ?? undefined, body.variables)),
        })
      )
      return {
        id: call.id,
        agentId: agent.id,
        type: call.type,
        status: callProgress(call, now).status,
        // What the browser SDK connects with; it expires 30 seconds after creation.
        accessToken: rand.id('wct'),
        expiresAt: new Date(now + 30_000).toISOString(),
        metadata: body.metadata ?? null,
      }
    },
  }),

  endpoint({
    method: 'GET',
    path: '/v1/calls',
    query: listCallsQuery,
    handle: ({ account, query, now, origin }) => {
      const calls = newestFirst(account.calls).filter((call) => matchesFilters(call, query, now))
      return paginate(calls, query, (call) => callView(call, now, origin))
    },
  }),

  endpoint({
    method: 'GET',
    path: '/v1/numbers/:numberId/calls',
    query: pageQuery({ limit: 20, max: 100 }),
    handle: ({ account, params, query, now, origin }) => {
      const number = findNumber(account, params.numberId)
      const calls = newestFirst(account.calls).filter((call) => call.phoneNumberId === number.id)
      return paginate(calls, query, (call) => callView(call, now, origin))
    },
  }),

  endpoint({
    method: 'GET',
    path: '/v1/calls/:callId',
    query: getCallQuery,
    handle: async ({ account, params, query, now, clock, signal, origin }) => {
      const call = findCall(account, params.callId)
      if (!query.wait) return callDetailView(call, now, origin)
      const waitSeconds = Math.min(query.timeout, MAX_WAIT_SECONDS)
      const answeredAt = await waitForCall(call, {
        clock,
        signal,
        deadline: now + waitSeconds * 1000,
      })
      return callDetailView(call, answeredAt, origin)
    },
  }),

  endpoint({
    method: 'POST',
    path: '/v1/calls/:callId/end',
    handle: ({ account, params, now, origin }) => {
      const call = findCall(account, params.callId)
      if (FINAL_STATUSES.includes(callProgress(call, now).status)) {
        throw new ApiError(400, `Call ${call.id} has already ended`)
      }
      call.hungUpAt = now
      return callView(call, now, origin)
    },
  }),

  endpoint({
    method: 'GET',
    path: '/v1/calls/:callId/transcript',
    handle: ({ account, params, now }) => transcriptView(findCall(account, params.callId), now),
  }),

  endpoint({
    method: 'GET',
    path: '/v1/calls/:callId/transcript/stream',
    handle: ({ account, params, clock, signal }) =>
      transcriptStream(findCall(account, params.callId), { clock, signal }),
  }),
]

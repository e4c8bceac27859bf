import { z } from 'zod'
import { callProgress, outboundScript, planCall } from '../calls.js'
import { endpoint } from '../endpoint.js'
import { findAgent, findCall, senderNumber } from '../lookup.js'
import { paginate } from '../paging.js'
import { random } from '../random.js'
import { nonBlank, pageQuery, phoneNumber } from '../validation.js'
import { callDetailView, callView, transcriptView } from '../views.js'

const createCallBody = z.object({
  agentId: nonBlank,
  toNumber: phoneNumber,
  fromNumberId: z.string().nullish(),
  initialGreeting: z.string().nullish(),
  voice: z.string().nullish(),
  systemPrompt: z.string().nullish(),
})

const listCallsQuery = pageQuery({ limit: 20, max: 100 }).extend({
  status: z.enum(['completed', 'in-progress', 'failed']).optional(),
  direction: z.enum(['inbound', 'outbound']).optional(),
  type: z.enum(['pstn', 'web']).optional(),
  search: z.string().optional(),
})

const orUndefined = (value: string | null | undefined) => value || undefined

export const callEndpoints = [
  endpoint({
    method: 'POST',
    path: '/v1/calls',
    body: createCallBody,
    handle: ({ account, body, now }) => {
      const agent = findAgent(account, body.agentId)
      const number = senderNumber(account, agent, body.fromNumberId)
      const call = planCall(random(account), {
        agent,
        number,
        participant: body.toNumber,
        direction: 'outbound',
        placedAt: now,
        voice: orUndefined(body.voice),
        script: outboundScript(
          agent,
          orUndefined(body.initialGreeting),
          orUndefined(body.systemPrompt)
        ),
      })
      account.calls.push(call)
      const { id, agentId, fromNumber, toNumber, phoneNumberId, direction, status, startedAt } =
        callView(call, now)
      return { id, agentId, fromNumber, toNumber, phoneNumberId, direction, status, startedAt }
    },
  }),

  endpoint({
    method: 'GET',
    path: '/v1/calls',
    query: listCallsQuery,
    handle: ({ account, query, now }) => {
      const calls = account.calls
        .filter(
          (call) =>
            (!query.status || callProgress(call, now).status === query.status) &&
            (!query.direction || call.direction === query.direction) &&
            (!query.type || call.type === query.type) &&
            (!query.search ||
              call.fromNumber.includes(query.search) ||
              call.toNumber.includes(query.search))
        )
        .sort((a, b) => b.placedAt - a.placedAt)
      return paginate(calls, query, (call) => callView(call, now))
    },
  }),

  endpoint({
    method: 'GET',
    path: '/v1/calls/:callId',
    handle: ({ account, params, now }) => callDetailView(findCall(account, params.callId), now),
  }),

  endpoint({
    method: 'GET',
    path: '/v1/calls/:callId/transcript',
    handle: ({ account, params, now }) => transcriptView(findCall(account, params.callId), now),
  }),
]

import { endpoint } from '../endpoint.js'
import { paginate } from '../paging.js'
import { pageQuery } from '../validation.js'
import { agentView } from '../views.js'

export const agentEndpoints = [
  endpoint({
    method: 'GET',
    path: '/v1/agents',
    query: pageQuery({ limit: 20, max: 100 }),
    handle: ({ account, query }) =>
      paginate(account.agents, query, (agent) => agentView(account, agent)),
  }),
]

/** Sandbox-only tooling, per account (per API key): faults and the request log. */
import { endpoint } from '../endpoint.js'
import { armFault, faultSpec } from '../faults.js'

export const sandboxEndpoints = [
  endpoint({
    method: 'POST',
    path: '/sandbox/faults',
    body: faultSpec,
    status: 201,
    handle: ({ runtime, body }) => armFault(runtime, body),
  }),
  endpoint({
    method: 'GET',
    path: '/sandbox/faults',
    handle: ({ runtime }) => ({ data: runtime.faults }),
  }),
  endpoint({
    method: 'DELETE',
    path: '/sandbox/faults',
    handle: ({ runtime }) => ({ cleared: runtime.faults.splice(0).length }),
  }),
  endpoint({
    method: 'GET',
    path: '/sandbox/requests',
    handle: ({ runtime }) => ({ data: runtime.requests, total: runtime.requests.length }),
  }),
  endpoint({
    method: 'DELETE',
    path: '/sandbox/requests',
    handle: ({ runtime }) => ({ cleared: runtime.requests.splice(0).length }),
  }),
]

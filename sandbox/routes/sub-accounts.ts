/** Sub-account management: always on the key's own account, whatever `X-Sub-Account-Id` says. */
import { z } from 'zod'
import { endpoint } from '../endpoint.js'
import { ApiError } from '../errors.js'
import type { AccountState } from '../model.js'
import { paginate } from '../paging.js'
import { createSubAccount, findSubAccount, subAccountView } from '../sub-accounts.js'
import { intQuery, nonBlank } from '../validation.js'

const nameBody = z.object({ name: nonBlank })

function subAccountOf(root: AccountState, id: string) {
  const subAccount = findSubAccount(root, id)
  if (!subAccount) throw new ApiError(404, `Sub-account ${id} not found`)
  return subAccount
}

export const subAccountEndpoints = [
  endpoint({
    method: 'GET',
    path: '/v1/sub-accounts',
    query: z.object({
      limit: intQuery({ fallback: 100, min: 1, max: 100 }),
      offset: intQuery({ fallback: 0, min: 0 }),
    }),
    handle: ({ root, query }) => paginate(root.subAccounts ?? [], query, subAccountView),
  }),

  endpoint({
    method: 'POST',
    path: '/v1/sub-accounts',
    body: nameBody,
    handle: ({ root, body, now }) => subAccountView(createSubAccount(root, body.name, now)),
  }),

  endpoint({
    method: 'PATCH',
    path: '/v1/sub-accounts/:subAccountId',
    body: nameBody,
    handle: ({ root, params, body }) => {
      const subAccount = subAccountOf(root, params.subAccountId)
      subAccount.name = body.name
      return subAccountView(subAccount)
    },
  }),

  endpoint({
    method: 'DELETE',
    path: '/v1/sub-accounts/:subAccountId',
    handle: ({ root, params }) => {
      const subAccount = subAccountOf(root, params.subAccountId)
      root.subAccounts = (root.subAccounts ?? []).filter((other) => other !== subAccount)
      return { success: true, id: subAccount.id }
    },
  }),
]

/** Sub-accounts: each is an account of its own (agents, numbers, messages…) under its master. */
import { type AccountState, iso, type SubAccount } from './model.js'
import { random } from './random.js'
import { emptyAccount } from './seed.js'

export const findSubAccount = (root: AccountState, id: string) =>
  root.subAccounts?.find((subAccount) => subAccount.id === id)

/** A new, empty sub-account: its data starts blank and its IDs come from its own generator. */
export function createSubAccount(root: AccountState, name: string, now: number): SubAccount {
  const rand = random(root)
  const id = rand.id('sub')
  const state = emptyAccount(id, now, Math.floor(rand.next() * 2 ** 32) >>> 0)
  const subAccount: SubAccount = { id, name, createdAt: now, state }
  root.subAccounts = [...(root.subAccounts ?? []), subAccount]
  return subAccount
}

export const subAccountView = (subAccount: SubAccount) => ({
  id: subAccount.id,
  name: subAccount.name,
  numberCount: subAccount.state.numbers.filter((number) => number.status === 'active').length,
  agentCount: subAccount.state.agents.length,
  createdAt: iso(subAccount.createdAt),
})

/** Finding an account's entities by ID; a missing one is a 404 naming what was looked for. */
import { ApiError, notFound } from './errors.js'
import type { AccountState, Agent, PhoneNumber } from './model.js'

const finder =
  <T extends { id: string }>(label: string, list: (account: AccountState) => T[]) =>
  (account: AccountState, id: string): T => {
    const found = list(account).find((item) => item.id === id)
    if (!found) throw notFound(label)
    return found
  }

export const findAgent = finder('Agent', (account) => account.agents)
export const findNumber = finder('Phone number', (account) => account.numbers)
export const findConversation = finder('Conversation', (account) => account.conversations)
export const findMessage = finder('Message', (account) => account.messages)
export const findCall = finder('Call', (account) => account.calls)
export const findContact = finder('Contact', (account) => account.contacts)

export const activeNumbers = (account: AccountState) =>
  account.numbers.filter((number) => number.status === 'active')

export const agentNumbers = (account: AccountState, agentId: string) =>
  activeNumbers(account).filter((number) => number.agentId === agentId)

/**
 * The number an agent sends or calls from: the one asked for, which must be its own and active,
 * else its first number.
 */
export function senderNumber(
  account: AccountState,
  agent: Agent,
  numberId: string | null | undefined
): PhoneNumber {
  if (numberId) {
    const number = findNumber(account, numberId)
    if (number.status !== 'active') {
      throw new ApiError(400, `Phone number ${number.id} has been released and cannot be used`)
    }
    if (number.agentId !== agent.id) {
      throw new ApiError(400, `Phone number ${number.id} does not belong to agent ${agent.id}`)
    }
    return number
  }
  const [first] = agentNumbers(account, agent.id)
  if (!first) {
    throw new ApiError(
      400,
      `Agent ${agent.id} has no phone number: provision one with POST /v1/numbers and agentId first`
    )
  }
  return first
}

/**
 * A new account's data, derived from its key's hash (so the same key always gets the same seed)
 * and placed in time relative to the account's creation (so dates are always recent).
 */
import { type Exchange, outboundScript, planCall } from './calls.js'
import { recordMessage } from './messages.js'
import {
  type AccountState,
  type Agent,
  type Contact,
  type Country,
  DAY,
  HOUR,
  MINUTE,
  type PhoneNumber,
  type UsageHistory,
} from './model.js'
import { isImessageCapable, provisionPhoneNumber } from './phone.js'
import { type Random, random, seedFromHash } from './random.js'
import { dayOf } from './usage.js'

export const HISTORY_DAYS = 400

const BUSINESSES = [
  'Harbor Dental',
  'Maple Street Clinic',
  'Brightside Plumbing',
  'Northwind Realty',
]
const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Dennis', 'Barbara']
const LAST_NAMES = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Ritchie']
const MEDIA = 'https://example.com/sandbox/media'

function seedAgents(rand: Random, createdAt: number): [Agent, Agent] {
  const business = rand.pick(BUSINESSES)
  return [
    {
      id: rand.id('agt'),
      name: `${business} Front Desk`,
      voiceMode: 'hosted',
      voice: 'alloy',
      systemPrompt: `You are the front-desk assistant for ${business}. Confirm, book and reschedule appointments politely and briefly.`,
      beginMessage: `Hi, this is the front desk at ${business}.`,
      createdAt: createdAt - 60 * DAY,
    },
    {
      id: rand.id('agt'),
      name: `${business} Follow-ups`,
      voiceMode: 'webhook',
      voice: 'verse',
      systemPrompt: null,
      beginMessage: null,
      createdAt: createdAt - 60 * DAY,
    },
  ]
}

function seedNumber(
  rand: Random,
  account: AccountState,
  agent: Agent,
  country: Country
): PhoneNumber {
  const taken = new Set(account.numbers.map((number) => number.phoneNumber))
  const number: PhoneNumber = {
    id: rand.id('num'),
    phoneNumber: provisionPhoneNumber(rand, country, undefined, taken),
    country,
    status: 'active',
    type: 'sms',
    agentId: agent.id,
    createdAt: account.createdAt - 45 * DAY,
    releasedAt: null,
  }
  account.numbers.push(number)
  return number
}

/** A participant's number with the wanted iMessage capability (see `isImessageCapable`). */
function participantNumber(rand: Random, taken: Set<string>, imessage: boolean): string {
  for (;;) {
    const number = provisionPhoneNumber(rand, rand.pick(['US', 'US', 'CA'] as const), null, taken)
    if (isImessageCapable(number) === imessage) {
      taken.add(number)
      return number
    }
  }
}

function seedContacts(rand: Random, account: AccountState): Contact[] {
  const taken = new Set(account.numbers.map((number) => number.phoneNumber))
  const firstNames = [...FIRST_NAMES]
  return [true, false, true, false, false].map((imessage, index) => {
    const first = firstNames.splice(rand.int(0, firstNames.length - 1), 1)[0] ?? 'Alex'
    const last = rand.pick(LAST_NAMES)
    const at = account.createdAt - (40 - index * 7) * DAY
    const contact: Contact = {
      id: rand.id('ct'),
      phoneNumber: participantNumber(rand, taken, imessage),
      name: `${first} ${last}`,
      email: index === 4 ? null : `${first}.${last}@example.com`.toLowerCase(),
      notes: index % 2 === 0 ? 'Prefers text messages' : null,
      createdAt: at,
      updatedAt: at + (index === 1 ? 3 * DAY : 0),
    }
    account.contacts.push(contact)
    return contact
  })
}

type ScriptLine = [direction: 'in' | 'out', body: string, minutesLater: number, media?: string]

function seedThread(
  account: AccountState,
  number: PhoneNumber,
  participant: string,
  start: number,
  lines: ScriptLine[]
) {
  let at = start
  return lines.map(([direction, body, minutesLater, media]) => {
    at += minutesLater * MINUTE
    return recordMessage(account, {
      number,
      participant,
      direction: direction === 'in' ? 'inbound' : 'outbound',
      body,
      mediaUrls: media ? [`${MEDIA}/${media}`] : [],
      at,
    })
  })
}

function seedConversations(
  rand: Random,
  account: AccountState,
  [frontDesk, followUps]: [PhoneNumber, PhoneNumber],
  [imessageContact, smsContact]: Contact[]
) {
  if (!imessageContact || !smsContact) return
  const first = (contact: Contact) => contact.name.split(' ')[0]
  const imessage = seedThread(
    account,
    frontDesk,
    imessageContact.phoneNumber,
    account.createdAt - 26 * HOUR,
    [
      ['in', 'Hi! Can I move my cleaning to next week?', 0],
      ['out', 'Of course! We have Tuesday at 10:00 or Thursday at 15:30. Which works better?', 2],
      ['in', 'Thursday please', 9],
      ['out', "Done — you're booked for Thursday at 15:30. See you then!", 1],
      ['in', 'Perfect, thanks!', 3],
      ['in', "Here's my new insurance card", 40, 'insurance-card.jpg'],
      ['out', "Got it, thank you. We've updated your file.", 5],
      ['out', 'Reminder: your appointment is tomorrow at 15:30. Reply here to change it.', 18 * 60],
    ]
  )
  const thanks = imessage[4]
  if (thanks) {
    thanks.reactions.push({
      id: rand.id('rxn'),
      reactionType: 'love',
      createdAt: thanks.receivedAt + MINUTE,
    })
  }
  const conversation = account.conversations.find((c) => c.id === imessage[0]?.conversationId)
  if (conversation) conversation.metadata = { stage: 'booked', appointment: 'Thursday 15:30' }

  seedThread(account, followUps, smsContact.phoneNumber, account.createdAt - 50 * HOUR, [
    [
      'out',
      `Hi ${first(smsContact)}, thanks for your visit! How would you rate it from 1 to 5?`,
      0,
    ],
    ['in', '5 — great service', 25],
    ['out', 'Wonderful, thank you! Here is a coupon for your next visit.', 4, 'coupon.png'],
    ['in', 'Thanks!', 12],
    ['out', "You're welcome. Reply STOP to opt out of follow-ups.", 1],
  ])
}

function seedCalls(
  rand: Random,
  account: AccountState,
  [frontDeskAgent, followUpsAgent]: [Agent, Agent],
  [frontDesk, followUps]: [PhoneNumber, PhoneNumber],
  contacts: Contact[]
) {
  const [, smsContact, callee, unreachable] = contacts
  if (!smsContact || !callee || !unreachable) return
  const feedbackCall: Exchange[] = [
    {
      transcript: 'Hi, I got a text about my visit. Can I leave feedback by phone?',
      response: 'Of course! How was your visit?',
    },
    {
      transcript: 'Really good. The staff were very friendly.',
      response: "That's great to hear — I'll pass it on to the team. Anything else?",
    },
    { transcript: "No, that's all. Bye!", response: 'Thanks for calling. Goodbye!' },
  ]
  account.calls.push(
    planCall(rand, {
      agent: frontDeskAgent,
      number: frontDesk,
      participant: callee.phoneNumber,
      direction: 'outbound',
      placedAt: account.createdAt - 2 * DAY,
      script: outboundScript(frontDeskAgent, undefined, undefined),
    }),
    planCall(rand, {
      agent: followUpsAgent,
      number: followUps,
      participant: smsContact.phoneNumber,
      direction: 'inbound',
      placedAt: account.createdAt - 20 * HOUR,
      script: feedbackCall,
    }),
    planCall(rand, {
      agent: followUpsAgent,
      number: followUps,
      participant: unreachable.phoneNumber,
      direction: 'outbound',
      placedAt: account.createdAt - 3 * HOUR,
      script: [],
      outcome: 'failed',
    })
  )
}

/** 400 days of background activity before the account's creation: weekly rhythm, slow growth. */
function seedHistory(rand: Random, createdAt: number): UsageHistory {
  const firstDayMs = Date.parse(`${dayOf(createdAt - HISTORY_DAYS * DAY)}T00:00:00Z`)
  const history: UsageHistory = {
    firstDay: dayOf(firstDayMs),
    messages: [],
    calls: [],
    webhooks: [],
    failedWebhooks: [],
  }
  for (let day = 0; day < HISTORY_DAYS; day++) {
    const weekday = new Date(firstDayMs + day * DAY).getUTCDay()
    const weekend = weekday === 0 || weekday === 6
    const messages = Math.round(rand.int(20, 60) * (0.5 + day / HISTORY_DAYS) * (weekend ? 0.4 : 1))
    const calls = Math.round(messages / rand.int(4, 8))
    history.messages.push(messages)
    history.calls.push(calls)
    history.webhooks.push(Math.round(messages * 0.6) + calls)
    history.failedWebhooks.push(rand.next() < 0.1 ? rand.int(1, 3) : 0)
  }
  return history
}

/** An account with no data yet: what a seed starts from, and what a new sub-account is. */
export const emptyAccount = (id: string, createdAt: number, rngState: number): AccountState => ({
  id,
  createdAt,
  rngState,
  agents: [],
  numbers: [],
  contacts: [],
  conversations: [],
  messages: [],
  calls: [],
  history: {
    firstDay: dayOf(createdAt),
    messages: [],
    calls: [],
    webhooks: [],
    failedWebhooks: [],
  },
})

export function seedAccount(keyHash: string, createdAt: number): AccountState {
  const account = emptyAccount(`acct_${keyHash.slice(0, 12)}`, createdAt, seedFromHash(keyHash))
  const rand = random(account)
  const agents = seedAgents(rand, createdAt)
  account.agents.push(...agents)
  const numbers: [PhoneNumber, PhoneNumber] = [
    seedNumber(rand, account, agents[0], 'US'),
    seedNumber(rand, account, agents[1], 'CA'),
  ]
  const contacts = seedContacts(rand, account)
  seedConversations(rand, account, numbers, contacts)
  seedCalls(rand, account, agents, numbers, contacts)
  account.history = seedHistory(rand, createdAt)
  return account
}

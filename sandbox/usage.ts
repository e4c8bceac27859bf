/**
 * Usage, computed from the account's real state (its messages and calls) plus the daily history
 * it was seeded with. History days count as events at noon UTC of their day.
 */
import { callProgress } from './calls.js'
import { activeNumbers } from './lookup.js'
import { type AccountState, DAY, HOUR, iso, PLAN } from './model.js'

interface UsageEvent {
  at: number
  messages: number
  calls: number
  webhooks: number
  failedWebhooks: number
}

const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`)
export const dayOf = (ms: number) => iso(ms).slice(0, 10)
const monthOf = (ms: number) => iso(ms).slice(0, 7)

function usageEvents(account: AccountState, now: number): UsageEvent[] {
  const { history } = account
  const first = dayStart(history.firstDay)
  const past = history.messages.map((messages, index) => ({
    at: first + index * DAY + 12 * HOUR,
    messages,
    calls: history.calls[index] ?? 0,
    webhooks: history.webhooks[index] ?? 0,
    failedWebhooks: history.failedWebhooks[index] ?? 0,
  }))
  // Each inbound message and each finished call is one (successful) webhook delivery.
  const messages = account.messages.map((message) => ({
    at: message.receivedAt,
    messages: 1,
    calls: 0,
    webhooks: message.direction === 'inbound' ? 1 : 0,
    failedWebhooks: 0,
  }))
  const calls = account.calls.map((call) => {
    const { endedAt } = callProgress(call, now)
    return {
      at: call.placedAt,
      messages: 0,
      calls: 1,
      webhooks: endedAt ? 1 : 0,
      failedWebhooks: 0,
    }
  })
  return [...past, ...messages, ...calls]
}

const total = (events: UsageEvent[], field: keyof Omit<UsageEvent, 'at'>, since = -Infinity) =>
  events.reduce((sum, event) => (event.at > since ? sum + event[field] : sum), 0)

export function usageSummary(account: AccountState, now: number) {
  const events = usageEvents(account, now)
  const used = activeNumbers(account).length
  const windows = { Last24h: now - DAY, Last7d: now - 7 * DAY, Last30d: now - 30 * DAY }
  const recent = (field: 'messages' | 'calls') =>
    Object.fromEntries(
      Object.entries(windows).map(([suffix, since]) => [
        `${field}${suffix}`,
        total(events, field, since),
      ])
    )
  const webhooks = total(events, 'webhooks')
  const failed = total(events, 'failedWebhooks')
  const today = new Date(now)
  const periodStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)
  const periodEnd = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1)
  return {
    plan: PLAN,
    numbers: {
      used,
      limit: PLAN.limits.numbers,
      remaining: Math.max(0, PLAN.limits.numbers - used),
    },
    stats: {
      totalMessages: total(events, 'messages'),
      ...recent('messages'),
      totalCalls: total(events, 'calls'),
      ...recent('calls'),
      totalWebhookDeliveries: webhooks,
      successfulWebhookDeliveries: webhooks - failed,
      failedWebhookDeliveries: failed,
    },
    periodStart: iso(periodStart),
    periodEnd: iso(periodEnd),
  }
}

/** Counts per period key (a day or a month), for the `length` periods ending with the current. */
function series(account: AccountState, now: number, keys: string[], keyOf: (ms: number) => string) {
  const buckets = new Map(keys.map((key) => [key, { messages: 0, calls: 0, webhooks: 0 }]))
  for (const event of usageEvents(account, now)) {
    const bucket = buckets.get(keyOf(event.at))
    if (!bucket) continue
    bucket.messages += event.messages
    bucket.calls += event.calls
    bucket.webhooks += event.webhooks
  }
  return keys.map((key) => ({
    key,
    ...(buckets.get(key) ?? { messages: 0, calls: 0, webhooks: 0 }),
  }))
}

/** The last `days` days, oldest first, today included. */
export function dailyUsage(account: AccountState, now: number, days: number) {
  const keys = Array.from({ length: days }, (_, i) => dayOf(now - (days - 1 - i) * DAY))
  const data = series(account, now, keys, dayOf).map(({ key, ...counts }) => ({
    date: key,
    ...counts,
  }))
  return { data, days }
}

/** The last `months` calendar months, oldest first, the current month included. */
export function monthlyUsage(account: AccountState, now: number, months: number) {
  const today = new Date(now)
  const keys = Array.from({ length: months }, (_, i) =>
    monthOf(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - (months - 1 - i), 1))
  )
  const data = series(account, now, keys, monthOf).map(({ key, ...counts }) => ({
    month: key,
    ...counts,
  }))
  return { data, months }
}

/** Messages and calls per phone number (released ones included), with the agent each serves. */
export function usageByNumber(account: AccountState) {
  return {
    data: account.numbers.map((number) => {
      const agent = account.agents.find((candidate) => candidate.id === number.agentId)
      return {
        numberId: number.id,
        phoneNumber: number.phoneNumber,
        country: number.country,
        status: number.status,
        agentId: agent?.id ?? null,
        agentName: agent?.name ?? null,
        messages: account.messages.filter((message) => message.phoneNumberId === number.id).length,
        calls: account.calls.filter((call) => call.phoneNumberId === number.id).length,
      }
    }),
  }
}

export type UsagePeriod = 'week' | 'month' | 'year'

/** The wall-clock fields of an instant in a time zone. */
function wallClock(ms: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'short',
  }).formatToParts(ms)
  const field = (type: string) => parts.find((part) => part.type === type)?.value ?? ''
  return {
    year: Number(field('year')),
    month: Number(field('month')),
    day: Number(field('day')),
    hour: Number(field('hour')),
    minute: Number(field('minute')),
    second: Number(field('second')),
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(field('weekday')),
  }
}

/** The instant of a wall-clock midnight in a time zone (its UTC offset taken at that moment). */
function midnightIn(timeZone: string, year: number, month: number, day: number) {
  const guess = Date.UTC(year, month - 1, day)
  const seen = wallClock(guess, timeZone)
  const offset =
    Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second) - guess
  return guess - offset
}

/** The current calendar week (from Monday), month or year in `timeZone`. */
export function periodBounds(period: UsagePeriod, now: number, timeZone: string) {
  const today = wallClock(now, timeZone)
  const start =
    period === 'week'
      ? { year: today.year, month: today.month, day: today.day - today.weekday }
      : period === 'month'
        ? { year: today.year, month: today.month, day: 1 }
        : { year: today.year, month: 1, day: 1 }
  const end =
    period === 'week'
      ? { ...start, day: start.day + 7 }
      : period === 'month'
        ? { ...start, month: start.month + 1 }
        : { ...start, year: start.year + 1 }
  // Date.UTC normalises overflowing days and months (day 0, month 13…) before the zone is applied.
  const normalised = (date: typeof start) => {
    const d = new Date(Date.UTC(date.year, date.month - 1, date.day))
    return midnightIn(timeZone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
  }
  return { start: normalised(start), end: normalised(end) }
}

/**
 * Messages, completed calls and their seconds per agent for the current period; what has no
 * agent (never had one, or its agent was deleted) is the "Unassigned" row.
 */
export function usageByAgent(
  account: AccountState,
  now: number,
  period: UsagePeriod,
  timeZone: string
) {
  const { start, end } = periodBounds(period, now, timeZone)
  const inPeriod = (at: number) => at >= start && at < end
  const rows = new Map<string | null, { messages: number; calls: number; totalSeconds: number }>()
  const row = (agentId: string | null) => {
    const known = agentId !== null && account.agents.some((agent) => agent.id === agentId)
    const key = known ? agentId : null
    let counts = rows.get(key)
    if (!counts) {
      counts = { messages: 0, calls: 0, totalSeconds: 0 }
      rows.set(key, counts)
    }
    return counts
  }
  for (const agent of account.agents) row(agent.id)
  for (const message of account.messages) {
    if (!inPeriod(message.receivedAt)) continue
    const conversation = account.conversations.find((c) => c.id === message.conversationId)
    row(conversation?.agentId ?? null).messages += 1
  }
  for (const call of account.calls) {
    const progress = callProgress(call, now)
    if (progress.status !== 'completed' || !inPeriod(call.placedAt)) continue
    const counts = row(call.agentId)
    counts.calls += 1
    counts.totalSeconds += progress.durationSeconds ?? 0
  }
  return {
    data: [...rows].map(([agentId, counts]) => ({
      agentId,
      agentName: account.agents.find((agent) => agent.id === agentId)?.name ?? 'Unassigned',
      ...counts,
      isOrphan: agentId === null,
    })),
    period,
    periodStart: iso(start),
    periodEnd: iso(end),
  }
}

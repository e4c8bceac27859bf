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

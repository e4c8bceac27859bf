import { z } from 'zod'
import { endpoint } from '../endpoint.js'
import { dailyUsage, monthlyUsage, usageByAgent, usageByNumber, usageSummary } from '../usage.js'
import { intQuery } from '../validation.js'

const isTimeZone = (value: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    return true
  } catch {
    return false
  }
}

const byAgentQuery = z.object({
  period: z.enum(['week', 'month', 'year']),
  tz: z
    .string()
    .refine(isTimeZone, 'Input should be an IANA time zone, e.g. America/New_York')
    .optional(),
})

export const usageEndpoints = [
  endpoint({
    method: 'GET',
    path: '/v1/usage',
    handle: ({ account, now }) => usageSummary(account, now),
  }),
  endpoint({
    method: 'GET',
    path: '/v1/usage/daily',
    query: z.object({ days: intQuery({ fallback: 30, min: 1, max: 365 }) }),
    handle: ({ account, now, query }) => dailyUsage(account, now, query.days),
  }),
  endpoint({
    method: 'GET',
    path: '/v1/usage/monthly',
    query: z.object({ months: intQuery({ fallback: 6, min: 1, max: 24 }) }),
    handle: ({ account, now, query }) => monthlyUsage(account, now, query.months),
  }),
  endpoint({
    method: 'GET',
    path: '/v1/usage/by-number',
    handle: ({ account }) => usageByNumber(account),
  }),
  endpoint({
    method: 'GET',
    path: '/v1/usage/by-agent',
    query: byAgentQuery,
    handle: ({ account, now, query }) =>
      usageByAgent(account, now, query.period, query.tz ?? 'UTC'),
  }),
]

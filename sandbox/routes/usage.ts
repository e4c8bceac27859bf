import { z } from 'zod'
import { endpoint } from '../endpoint.js'
import { dailyUsage, monthlyUsage, usageSummary } from '../usage.js'
import { intQuery } from '../validation.js'

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
]

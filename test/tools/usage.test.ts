import { describe, expect, it } from 'vitest'
import { executeTool } from '../../tools/index.js'
import { API_KEY, apiHeaders, mockApi, setUpNock } from '../support/nock-api.js'

setUpNock()

describe('agentphone_get_usage', () => {
  const plan = {
    name: 'pro',
    limits: {
      numbers: 10,
      messagesPerMonth: 10000,
      voiceMinutesPerMonth: 1000,
      maxCallDurationMinutes: 30,
      concurrentCalls: 5,
    },
  }
  const numbers = { used: 3, limit: 10, remaining: 7 }
  const stats = {
    totalMessages: 1520,
    messagesLast24h: 12,
    messagesLast7d: 140,
    messagesLast30d: 610,
    totalCalls: 88,
    callsLast24h: 1,
    callsLast7d: 9,
    callsLast30d: 40,
    totalWebhookDeliveries: 1600,
    successfulWebhookDeliveries: 1590,
    failedWebhookDeliveries: 10,
  }

  it('GETs /v1/usage and passes plan, numbers and stats through as JSON', async () => {
    const sent = mockApi('GET', {
      status: 200,
      body: {
        plan,
        numbers,
        stats,
        periodStart: '2026-01-01T00:00:00Z',
        periodEnd: '2026-02-01T00:00:00Z',
        accountId: 'acc_1',
      },
    })

    const result = await executeTool('agentphone_get_usage', { apiKey: API_KEY })

    expect(sent).toEqual([
      { method: 'GET', path: '/v1/usage', headers: apiHeaders(), body: undefined },
    ])
    expect(result).toEqual({
      success: true,
      output: {
        plan,
        numbers,
        stats,
        periodStart: '2026-01-01T00:00:00Z',
        periodEnd: '2026-02-01T00:00:00Z',
      },
    })
  })

  it('outputs null for sections the answer lacks', async () => {
    mockApi('GET', { status: 200, body: { plan, periodStart: null } })

    const result = await executeTool('agentphone_get_usage', { apiKey: API_KEY })

    expect(result).toEqual({
      success: true,
      output: { plan, numbers: null, stats: null, periodStart: null, periodEnd: null },
    })
  })
})

describe('agentphone_get_usage_daily', () => {
  it('GETs days and outputs the daily entries', async () => {
    const sent = mockApi('GET', {
      status: 200,
      body: {
        data: [
          { date: '2026-01-30', messages: 20, calls: 2, webhooks: 22, cost: 0.4 },
          { date: '2026-01-31', messages: 0, calls: 0, webhooks: 0 },
        ],
        days: 2,
      },
    })

    const result = await executeTool('agentphone_get_usage_daily', { apiKey: API_KEY, days: 2 })

    expect(sent).toEqual([
      { method: 'GET', path: '/v1/usage/daily?days=2', headers: apiHeaders(), body: undefined },
    ])
    expect(result).toEqual({
      success: true,
      output: {
        data: [
          { date: '2026-01-30', messages: 20, calls: 2, webhooks: 22 },
          { date: '2026-01-31', messages: 0, calls: 0, webhooks: 0 },
        ],
        days: 2,
      },
    })
  })

  it('sends no days when none is given (the API defaults to 30)', async () => {
    const sent = mockApi('GET', { status: 200, body: { data: [], days: 30 } })

    const result = await executeTool('agentphone_get_usage_daily', { apiKey: API_KEY })

    expect(sent.map((request) => request.path)).toEqual(['/v1/usage/daily'])
    expect(result).toEqual({ success: true, output: { data: [], days: 30 } })
  })
})

describe('agentphone_get_usage_monthly', () => {
  it('GETs months and outputs the monthly entries', async () => {
    const sent = mockApi('GET', {
      status: 200,
      body: {
        data: [
          { month: '2025-12', messages: 400, calls: 31, webhooks: 431 },
          { month: '2026-01', messages: 610, calls: 40 },
        ],
        months: 2,
      },
    })

    const result = await executeTool('agentphone_get_usage_monthly', {
      apiKey: API_KEY,
      months: '24',
    })

    expect(sent).toEqual([
      {
        method: 'GET',
        path: '/v1/usage/monthly?months=24',
        headers: apiHeaders(),
        body: undefined,
      },
    ])
    expect(result).toEqual({
      success: true,
      output: {
        data: [
          { month: '2025-12', messages: 400, calls: 31, webhooks: 431 },
          { month: '2026-01', messages: 610, calls: 40, webhooks: null },
        ],
        months: 2,
      },
    })
  })

  it('sends no months when none is given (the API defaults to 6)', async () => {
    const sent = mockApi('GET', { status: 200, body: { data: [], months: 6 } })

    const result = await executeTool('agentphone_get_usage_monthly', { apiKey: API_KEY })

    expect(sent.map((request) => request.path)).toEqual(['/v1/usage/monthly'])
    expect(result).toEqual({ success: true, output: { data: [], months: 6 } })
  })
})

import { describe, expect, it } from 'vitest'
import { executeTool } from '../../tools/index.js'
import { API_KEY, apiHeaders, mockApi, setUpNock } from '../support/nock-api.js'
import { apiContact, contactOutput } from './fixtures.js'

setUpNock()

describe('agentphone_create_contact', () => {
  it('POSTs the contact in camelCase and outputs the 201 answer', async () => {
    const sent = mockApi('POST', { status: 201, body: apiContact })

    const result = await executeTool('agentphone_create_contact', {
      apiKey: API_KEY,
      phoneNumber: '+14155559876',
      name: 'Jane Doe',
      email: 'jane@example.com',
      notes: 'Prefers texts after 5pm',
    })

    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/v1/contacts',
        headers: apiHeaders(true),
        body: {
          phoneNumber: '+14155559876',
          name: 'Jane Doe',
          email: 'jane@example.com',
          notes: 'Prefers texts after 5pm',
        },
      },
    ])
    expect(result).toEqual({ success: true, output: contactOutput })
  })

  it('sends only phoneNumber and name when email and notes are blank; null answers stay null', async () => {
    const sent = mockApi('POST', {
      status: 201,
      body: { ...apiContact, email: null, notes: null },
    })

    const result = await executeTool('agentphone_create_contact', {
      apiKey: API_KEY,
      phoneNumber: '+14155559876',
      name: 'Jane Doe',
      email: '',
      notes: '   ',
    })

    expect(sent.map((request) => request.body)).toEqual([
      { phoneNumber: '+14155559876', name: 'Jane Doe' },
    ])
    expect(result).toEqual({
      success: true,
      output: { ...contactOutput, email: null, notes: null },
    })
  })
})

describe('agentphone_list_contacts', () => {
  it('GETs limit, offset and search (spaces form-encoded) and outputs the page', async () => {
    const sent = mockApi('GET', {
      status: 200,
      body: {
        data: [apiContact, { id: 'ct_2', phoneNumber: '+14155550000', name: 'Jane Roe' }],
        hasMore: false,
        total: 2,
      },
    })

    const result = await executeTool('agentphone_list_contacts', {
      apiKey: API_KEY,
      search: 'Jane D&o',
      limit: 500,
      offset: 0,
    })

    expect(sent).toEqual([
      {
        method: 'GET',
        path: '/v1/contacts?limit=500&offset=0&search=Jane+D%26o',
        headers: apiHeaders(),
        body: undefined,
      },
    ])
    expect(result).toEqual({
      success: true,
      output: {
        data: [
          contactOutput,
          {
            id: 'ct_2',
            phoneNumber: '+14155550000',
            name: 'Jane Roe',
            email: null,
            notes: null,
            createdAt: null,
            updatedAt: null,
          },
        ],
        hasMore: false,
        total: 2,
      },
    })
  })

  it('sends no query string without filters', async () => {
    const sent = mockApi('GET', { status: 200, body: { data: [], hasMore: false, total: 0 } })

    const result = await executeTool('agentphone_list_contacts', { apiKey: API_KEY })

    expect(sent.map((request) => request.path)).toEqual(['/v1/contacts'])
    expect(result).toEqual({ success: true, output: { data: [], hasMore: false, total: 0 } })
  })
})

describe('agentphone_get_contact', () => {
  it('GETs the contact and outputs it', async () => {
    const sent = mockApi('GET', { status: 200, body: apiContact })

    const result = await executeTool('agentphone_get_contact', {
      apiKey: API_KEY,
      contactId: 'ct_5k2p',
    })

    expect(sent).toEqual([
      { method: 'GET', path: '/v1/contacts/ct_5k2p', headers: apiHeaders(), body: undefined },
    ])
    expect(result).toEqual({ success: true, output: contactOutput })
  })
})

describe('agentphone_update_contact', () => {
  it('PATCHes every given field and outputs the updated contact', async () => {
    const updated = {
      ...apiContact,
      phoneNumber: '+442071838750',
      name: 'Jane Smith',
      email: 'jane.smith@example.com',
      notes: 'Moved to London',
    }
    const sent = mockApi('PATCH', { status: 200, body: updated })

    const result = await executeTool('agentphone_update_contact', {
      apiKey: API_KEY,
      contactId: 'ct_5k2p',
      phoneNumber: '+442071838750',
      name: 'Jane Smith',
      email: 'jane.smith@example.com',
      notes: 'Moved to London',
    })

    expect(sent).toEqual([
      {
        method: 'PATCH',
        path: '/v1/contacts/ct_5k2p',
        headers: apiHeaders(true),
        body: {
          phoneNumber: '+442071838750',
          name: 'Jane Smith',
          email: 'jane.smith@example.com',
          notes: 'Moved to London',
        },
      },
    ])
    expect(result).toEqual({
      success: true,
      output: {
        ...contactOutput,
        phoneNumber: '+442071838750',
        name: 'Jane Smith',
        email: 'jane.smith@example.com',
        notes: 'Moved to London',
      },
    })
  })

  it('sends only the fields that were given, so only those change', async () => {
    const sent = mockApi('PATCH', { status: 200, body: { ...apiContact, notes: 'VIP' } })

    const result = await executeTool('agentphone_update_contact', {
      apiKey: API_KEY,
      contactId: 'ct_5k2p',
      phoneNumber: '',
      name: undefined,
      notes: 'VIP',
    })

    expect(sent).toEqual([
      {
        method: 'PATCH',
        path: '/v1/contacts/ct_5k2p',
        headers: apiHeaders(true),
        body: { notes: 'VIP' },
      },
    ])
    expect(result).toEqual({ success: true, output: { ...contactOutput, notes: 'VIP' } })
  })
})

describe('agentphone_delete_contact', () => {
  it('DELETEs the contact and turns the empty 204 into {id, deleted: true}', async () => {
    const sent = mockApi('DELETE', { status: 204 })

    const result = await executeTool('agentphone_delete_contact', {
      apiKey: API_KEY,
      contactId: 'ct_5k2p',
    })

    expect(sent).toEqual([
      { method: 'DELETE', path: '/v1/contacts/ct_5k2p', headers: apiHeaders(), body: undefined },
    ])
    expect(result).toEqual({ success: true, output: { id: 'ct_5k2p', deleted: true } })
  })

  it('reports the id that was asked for, whatever a 200 body says', async () => {
    mockApi('DELETE', { status: 200, body: { id: 'ct_other', deleted: true } })

    const result = await executeTool('agentphone_delete_contact', {
      apiKey: API_KEY,
      contactId: 'ct_5k2p',
    })

    expect(result).toEqual({ success: true, output: { id: 'ct_5k2p', deleted: true } })
  })
})

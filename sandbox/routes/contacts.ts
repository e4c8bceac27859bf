import { z } from 'zod'
import { endpoint } from '../endpoint.js'
import { ApiError } from '../errors.js'
import { activeNumbers, findContact } from '../lookup.js'
import { type AccountState, type Contact, iso } from '../model.js'
import { paginate } from '../paging.js'
import { isImessageCapable } from '../phone.js'
import { random } from '../random.js'
import { nonBlank, pageQuery, phoneNumber } from '../validation.js'
import { contactView } from '../views.js'

const createContactBody = z.object({
  phoneNumber,
  name: nonBlank,
  email: z.string().nullish(),
  notes: z.string().nullish(),
})

/** Only the fields sent change; `email`/`notes` can be cleared with null. */
const updateContactBody = z.object({
  phoneNumber: phoneNumber.optional(),
  name: nonBlank.optional(),
  email: z.string().nullable().optional(),
  notes: z.string().nullable().optional(),
})

const listContactsQuery = pageQuery({ limit: 50 }).extend({ search: z.string().optional() })

/** Phone numbers are unique per account. */
function assertPhoneFree(account: AccountState, phone: string, self?: Contact) {
  const holder = account.contacts.find((contact) => contact.phoneNumber === phone)
  if (holder && holder !== self) {
    throw new ApiError(409, `A contact with phone number ${phone} already exists (${holder.id})`)
  }
}

const matchesSearch = (contact: Contact, search: string | undefined) =>
  !search ||
  contact.name.toLowerCase().includes(search.toLowerCase()) ||
  contact.phoneNumber.includes(search.trim())

export const contactEndpoints = [
  endpoint({
    method: 'POST',
    path: '/v1/contacts',
    body: createContactBody,
    status: 201,
    handle: ({ account, body, now }) => {
      assertPhoneFree(account, body.phoneNumber)
      const contact: Contact = {
        id: random(account).id('ct'),
        phoneNumber: body.phoneNumber,
        name: body.name,
        email: body.email ?? null,
        notes: body.notes ?? null,
        createdAt: now,
        updatedAt: now,
      }
      account.contacts.push(contact)
      return contactView(contact)
    },
  }),

  endpoint({
    method: 'GET',
    path: '/v1/contacts',
    query: listContactsQuery,
    handle: ({ account, query }) => {
      const contacts = account.contacts
        .filter((contact) => matchesSearch(contact, query.search))
        .sort((a, b) => b.createdAt - a.createdAt)
      return paginate(contacts, query, contactView)
    },
  }),

  // Before /v1/contacts/:contactId, so `capabilities` is not read as a contact ID.
  endpoint({
    method: 'GET',
    path: '/v1/contacts/capabilities',
    query: z.object({ phone_number: phoneNumber }),
    handle: ({ account, query, now }) => {
      if (activeNumbers(account).length === 0) {
        throw new ApiError(
          400,
          'Checking capabilities requires at least one active iMessage-capable number on the account'
        )
      }
      return {
        phoneNumber: query.phone_number,
        capabilities: { imessage: isImessageCapable(query.phone_number), sms: true },
        checkedAt: iso(now),
      }
    },
  }),

  endpoint({
    method: 'GET',
    path: '/v1/contacts/:contactId',
    handle: ({ account, params }) => contactView(findContact(account, params.contactId)),
  }),

  endpoint({
    method: 'PATCH',
    path: '/v1/contacts/:contactId',
    body: updateContactBody,
    handle: ({ account, params, body, now }) => {
      const contact = findContact(account, params.contactId)
      if (body.phoneNumber !== undefined) assertPhoneFree(account, body.phoneNumber, contact)
      const changes = Object.fromEntries(
        Object.entries(body).filter(([, value]) => value !== undefined)
      ) as Partial<Pick<Contact, 'phoneNumber' | 'name' | 'email' | 'notes'>>
      if (Object.keys(changes).length > 0) Object.assign(contact, changes, { updatedAt: now })
      return contactView(contact)
    },
  }),

  endpoint({
    method: 'DELETE',
    path: '/v1/contacts/:contactId',
    status: 204,
    handle: ({ account, params }) => {
      const contact = findContact(account, params.contactId)
      account.contacts.splice(account.contacts.indexOf(contact), 1)
    },
  }),
]

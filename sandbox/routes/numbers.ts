import { z } from 'zod'
import { endpoint } from '../endpoint.js'
import { ApiError } from '../errors.js'
import { activeNumbers, findAgent, findNumber } from '../lookup.js'
import { COUNTRIES, type ContactCard, type PhoneNumber, PLAN } from '../model.js'
import { cursorPage, paginate } from '../paging.js'
import { provisionPhoneNumber } from '../phone.js'
import { random } from '../random.js'
import { cursorQuery, pageQuery, upperCased } from '../validation.js'
import { numberMessageView, numberView } from '../views.js'

const createNumberBody = z
  .object({
    country: z
      .preprocess(
        upperCased,
        z.enum(COUNTRIES, {
          error: "Input should be 'US' or 'CA': numbers are available in the US and Canada only",
        })
      )
      .default('US'),
    /** Best effort: honoured when it is a 3-digit area code (first digit 2–9), else ignored. */
    areaCode: z.string().nullish(),
    agentId: z.string().nullish(),
  })
  .default({ country: 'US' })

const contactCardBody = z
  .object({
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    displayName: z.string().nullish(),
    avatarUrl: z.url({ protocol: /^https$/, error: 'Input should be a valid https URL' }).nullish(),
  })
  .default({})

const contactCardView = (card: ContactCard | undefined) => ({
  firstName: card?.firstName ?? null,
  lastName: card?.lastName ?? null,
  displayName: card?.displayName ?? null,
  hasAvatar: Boolean(card?.avatarUrl),
})

export const numberEndpoints = [
  endpoint({
    method: 'POST',
    path: '/v1/numbers',
    body: createNumberBody,
    handle: ({ account, body, now }) => {
      const agent = body.agentId ? findAgent(account, body.agentId) : undefined
      if (activeNumbers(account).length >= PLAN.limits.numbers) {
        throw new ApiError(
          403,
          `Phone number limit reached: the ${PLAN.name} plan allows ${PLAN.limits.numbers} active numbers. Release a number before provisioning another.`
        )
      }
      const taken = new Set(account.numbers.map((number) => number.phoneNumber))
      const number: PhoneNumber = {
        id: random(account).id('num'),
        phoneNumber: provisionPhoneNumber(random(account), body.country, body.areaCode, taken),
        country: body.country,
        status: 'active',
        type: 'sms',
        agentId: agent?.id ?? null,
        createdAt: now,
        releasedAt: null,
      }
      account.numbers.push(number)
      return numberView(number)
    },
  }),

  endpoint({
    method: 'GET',
    path: '/v1/numbers',
    query: pageQuery({ limit: 20, max: 100 }),
    handle: ({ account, query }) =>
      paginate(
        activeNumbers(account).sort((a, b) => a.createdAt - b.createdAt),
        query,
        numberView
      ),
  }),

  endpoint({
    method: 'GET',
    path: '/v1/numbers/:numberId',
    handle: ({ account, params }) => numberView(findNumber(account, params.numberId)),
  }),

  endpoint({
    method: 'DELETE',
    path: '/v1/numbers/:numberId',
    handle: ({ account, params, now }) => {
      const number = findNumber(account, params.numberId)
      if (number.status === 'released') {
        throw new ApiError(400, `Phone number ${number.id} has already been released`)
      }
      number.status = 'released'
      number.releasedAt = now
      number.agentId = null
      return {
        success: true,
        id: number.id,
        phoneNumber: number.phoneNumber,
        status: number.status,
      }
    },
  }),

  endpoint({
    method: 'GET',
    path: '/v1/numbers/:numberId/messages',
    query: cursorQuery,
    handle: ({ account, params, query }) => {
      const number = findNumber(account, params.numberId)
      const messages = account.messages.filter((message) => message.phoneNumberId === number.id)
      return cursorPage(messages, query, numberMessageView)
    },
  }),

  endpoint({
    method: 'GET',
    path: '/v1/numbers/:numberId/contact-card',
    handle: ({ account, params }) =>
      contactCardView(findNumber(account, params.numberId).contactCard),
  }),

  endpoint({
    method: 'PUT',
    path: '/v1/numbers/:numberId/contact-card',
    body: contactCardBody,
    handle: ({ account, params, body }) => {
      const number = findNumber(account, params.numberId)
      if (number.status !== 'active') {
        throw new ApiError(400, `Phone number ${number.id} has been released`)
      }
      number.contactCard = {
        firstName: body.firstName ?? null,
        lastName: body.lastName ?? null,
        displayName: body.displayName ?? null,
        avatarUrl: body.avatarUrl ?? null,
      }
      return contactCardView(number.contactCard)
    },
  }),

  endpoint({
    method: 'DELETE',
    path: '/v1/numbers/:numberId/contact-card',
    status: 204,
    handle: ({ account, params }) => {
      const number = findNumber(account, params.numberId)
      number.contactCard = undefined
    },
  }),
]

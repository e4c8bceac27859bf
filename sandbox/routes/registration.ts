/**
 * A2P 10DLC registration and location. The sandbox never reaches a carrier: a submitted
 * registration stays `pending`. Location sharing is not enabled for sandbox accounts, so a
 * location answers as the API does for an account without it: no coordinates.
 */
import { z } from 'zod'
import { endpoint } from '../endpoint.js'
import { ApiError } from '../errors.js'
import type { AccountState } from '../model.js'
import { createSubAccount } from '../sub-accounts.js'
import { nonBlank, phoneNumber } from '../validation.js'

const USE_CASES = [
  'account_notification',
  'customer_care',
  'delivery_notification',
  'fraud_alert',
  'higher_education',
  'marketing',
  'polling_voting',
  'public_service_announcement',
  'security_alert',
  'two_factor_authentication',
] as const

const https = z.url({ protocol: /^https$/, error: 'Input should be a valid https URL' })

const registrationBody = z.object({
  registration_type: z.enum(['sole_proprietor', 'standard_brand']),
  first_name: nonBlank,
  last_name: nonBlank,
  email: z.email(),
  phone_number: phoneNumber,
  business_name: z.string().nullish(),
  brand_name: z.string().nullish(),
  organization_type: z
    .enum([
      'sole_proprietor',
      'private_corporation',
      'public_corporation',
      'llc',
      'partnership',
      'non_profit',
      'co_op',
      'government',
    ])
    .nullish(),
  contact_title: z.enum(['ceo', 'cfo', 'cto', 'coo', 'vp', 'gm', 'director', 'other']).nullish(),
  contact_title_other: z.string().nullish(),
  ein: z.string().nullish(),
  website_url: z.string().nullish(),
  industry: z.string().nullish(),
  business_regions: z.array(z.string()).default(['usa_and_canada']),
  street_address: nonBlank,
  street_address_2: z.string().nullish(),
  city: nonBlank,
  state: nonBlank,
  zip_code: nonBlank,
  country: z.string().default('US'),
  planned_numbers: z.int().min(1).default(1),
  description: z.string().min(40),
  use_cases: z.array(z.enum(USE_CASES)).min(1).max(5),
  volume: z.enum(['low', 'high']).default('low'),
  message_samples: z.array(z.string().min(20).max(1024)).min(2).max(5),
  consent_flow: z.string().min(40),
  privacy_policy_url: z.string().nullish(),
  terms_of_service_url: z.string().nullish(),
  opt_in_image_url: https,
  includes: z.array(z.enum(['links', 'phone_numbers', 'age_gated', 'direct_lending'])).default([]),
  link_sample: z.string().nullish(),
  create_sub_account: z.boolean().default(true),
})

type RegistrationBody = z.output<typeof registrationBody>

const STANDARD_BRAND_FIELDS = [
  'business_name',
  'organization_type',
  'contact_title',
  'ein',
  'privacy_policy_url',
  'terms_of_service_url',
] as const

function assertComplete(body: RegistrationBody) {
  if (body.registration_type === 'standard_brand') {
    const missing = STANDARD_BRAND_FIELDS.filter((field) => !body[field])
    if (missing.length > 0) {
      throw new ApiError(400, `standard_brand registrations require ${missing.join(', ')}`)
    }
  }
  const brand = (body.brand_name || body.business_name || `${body.first_name} ${body.last_name}`)
    .trim()
    .toLowerCase()
  const unbranded = body.message_samples.findIndex(
    (sample) => !sample.toLowerCase().includes(brand)
  )
  if (unbranded >= 0) {
    throw new ApiError(400, `message_samples[${unbranded}] must include your brand name`)
  }
  return brand
}

const statusOf = (account: AccountState) =>
  account.registration
    ? {
        campaign_status: 'pending',
        message:
          'Registration is under review. Carrier approval typically takes 7-10 business days.',
        stage: 'carrier_review',
      }
    : { campaign_status: 'none', message: 'No registration submitted.', stage: null }

export const registrationEndpoints = [
  endpoint({
    method: 'GET',
    path: '/v1/register/status',
    handle: ({ account }) => statusOf(account),
  }),

  endpoint({
    method: 'POST',
    path: '/v1/register',
    body: registrationBody,
    handle: ({ account, root, body, now }) => {
      const brandName = assertComplete(body)
      const subAccount = body.create_sub_account
        ? createSubAccount(root, body.brand_name || body.business_name || brandName, now)
        : undefined
      const target = subAccount?.state ?? account
      target.registration = { type: body.registration_type, brandName, submittedAt: now }
      return {
        ok: true,
        message: 'Registration submitted. Carrier approval typically takes 7-10 business days.',
        campaign_status: 'pending',
        sub_account_id: subAccount?.id ?? null,
        fee_cents: 2500,
      }
    },
  }),

  endpoint({
    method: 'GET',
    path: '/v1/location/:phoneNumber',
    handle: ({ params }) => {
      const parsed = phoneNumber.safeParse(params.phoneNumber)
      if (!parsed.success) throw new ApiError(400, `${params.phoneNumber} is not a phone number`)
      return {
        phoneNumber: parsed.data,
        latitude: null,
        longitude: null,
        status: 'unavailable',
        lastUpdated: 0,
      }
    },
  }),

  endpoint({
    method: 'POST',
    path: '/v1/location/refresh',
    handle: () => ({ success: true, pollAfterSeconds: 20 }),
  }),
]

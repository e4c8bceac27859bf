/** Phone numbers: normalizing to E.164, the sandbox's iMessage rule, and provisioning. */
import { E164_PATTERN } from '../tools/agentphone/params.js'
import type { Channel, Country } from './model.js'
import type { Random } from './random.js'

/**
 * E.164 from common notations: `+1 (415) 555-0123`, `415.555.0123` (10 digits: North America),
 * `14155550123`, `0044…`. Undefined when it cannot be read as a phone number.
 */
export function normalizePhone(raw: string): string | undefined {
  const compact = raw.trim().replace(/[\s().-]/g, '')
  const candidate = /^\d{10}$/.test(compact)
    ? `+1${compact}`
    : /^1\d{10}$/.test(compact)
      ? `+${compact}`
      : compact.startsWith('00')
        ? `+${compact.slice(2)}`
        : compact
  return E164_PATTERN.test(candidate) ? candidate : undefined
}

/**
 * The sandbox's stand-in for Apple's iMessage lookup: a number whose last digit is even is
 * iMessage-capable. Messages to or from it travel as `imessage`; others as `sms` (`mms` with media).
 */
export const isImessageCapable = (e164: string) => Number(e164.at(-1)) % 2 === 0

/** An Apple ID e-mail address or an iMessage group: reachable by iMessage only. */
export const isImessageOnly = (participant: string) =>
  participant.includes('@') || participant.startsWith('grp_')

export function channelFor(participant: string, hasMedia: boolean): Channel {
  if (isImessageOnly(participant) || isImessageCapable(participant)) return 'imessage'
  return hasMedia ? 'mms' : 'sms'
}

/** Area codes used when none is asked for (or the one asked for is not a valid NANP code). */
export const DEFAULT_AREA_CODES: Record<Country, readonly string[]> = {
  US: ['415', '212', '646', '312', '512', '206', '303', '617'],
  CA: ['416', '604', '514', '403', '613', '778'],
}

/** A NANP area code: three digits, the first 2–9. */
export const isAreaCode = (value: string | null | undefined): value is string =>
  typeof value === 'string' && /^[2-9]\d{2}$/.test(value)

/** A fresh +1 number in the area code (or a default one), not among `taken`. */
export function provisionPhoneNumber(
  rand: Random,
  country: Country,
  areaCode: string | null | undefined,
  taken: ReadonlySet<string>
): string {
  const area = isAreaCode(areaCode) ? areaCode : rand.pick(DEFAULT_AREA_CODES[country])
  for (;;) {
    // Exchange 2xx–9xx, never 555 (reserved for fiction and directory services).
    const exchange = rand.int(200, 999)
    if (exchange === 555) continue
    const candidate = `+1${area}${exchange}${String(rand.int(0, 9999)).padStart(4, '0')}`
    if (!taken.has(candidate)) return candidate
  }
}

/**
 * Issue 9, item 1: executeTool and runBlock keep their promise never to throw, whatever the
 * params are made of (throwing getters, Proxies, revoked Proxies), and fields inherited from a
 * prototype cannot slip past the unknown-parameter check.
 */
import { describe, expect, it } from 'vitest'
import { runBlock } from '../../blocks/index.js'
import { executeTool } from '../../tools/index.js'
import { recordingFetch } from '../support/leaks.js'

const KEY = 'sk_live_never_throws_1'
const never = () => recordingFetch(() => Response.json({}))

function revoked(): Record<string, unknown> {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

const throwingGetter = (name: string, rest: Record<string, unknown> = {}) =>
  Object.defineProperty({ ...rest }, name, {
    enumerable: true,
    get() {
      throw new Error('getter exploded')
    },
  })

const throwingTraps = (trap: 'ownKeys' | 'get' | 'getPrototypeOf') =>
  new Proxy(
    { apiKey: KEY },
    {
      [trap]() {
        throw new Error(`${trap} trap exploded`)
      },
    }
  )

describe('executeTool never rejects', () => {
  it.each([
    [
      'an apiKey getter that throws',
      throwingGetter('apiKey'),
      'Invalid parameters for agentphone_get_usage: apiKey could not be read (getter exploded)',
    ],
    [
      'a Proxy whose ownKeys trap throws',
      throwingTraps('ownKeys'),
      'Invalid parameters for agentphone_get_usage: the parameters could not be listed (ownKeys trap exploded)',
    ],
    [
      'a Proxy whose get trap throws',
      throwingTraps('get'),
      'Invalid parameters for agentphone_get_usage: apiKey could not be read (get trap exploded)',
    ],
    [
      'a Proxy whose getPrototypeOf trap throws',
      throwingTraps('getPrototypeOf'),
      'Invalid parameters for agentphone_get_usage: the parameters could not be read (getPrototypeOf trap exploded)',
    ],
    [
      'a revoked Proxy',
      revoked(),
      "Invalid parameters for agentphone_get_usage: the parameters could not be read (Cannot perform 'IsArray' on a proxy that has been revoked)",
    ],
  ])('%s: a failure naming what could not be read, nothing sent', async (_, params, error) => {
    const { fetch, sent } = never()
    const result = await executeTool('agentphone_get_usage', params, { fetch })
    expect(result).toEqual({ success: false, output: {}, error })
    expect(sent).toEqual([])
  })

  it('options that cannot be read are refused by name', async () => {
    const { fetch, sent } = never()
    const options = Object.defineProperty({ fetch }, 'timeoutMs', {
      enumerable: true,
      get() {
        throw new Error('nope')
      },
    })
    const result = await executeTool('agentphone_get_usage', { apiKey: KEY }, options)
    expect(result.error).toBe('Invalid options: timeoutMs could not be read (nope)')
    expect(sent).toEqual([])
  })

  it('a tool id that is not a string is an unknown tool, not a crash', async () => {
    const result = await executeTool(Symbol('x') as never, { apiKey: KEY })
    expect(result.error).toBe('Unknown tool (symbol): expected one of agentphone_<operation>')
  })

  it('inherited fields do not slip past the unknown-parameter check', async () => {
    const { fetch, sent } = never()
    const params = Object.create({ apiKey: KEY, contactId: 'ct_1', contactIdd: 'typo' })
    const result = await executeTool('agentphone_get_contact', params, { fetch })
    expect(result.error).toBe(
      'Invalid parameters for agentphone_get_contact: expected a plain object of named parameters, not an instance of another type'
    )
    expect(sent).toEqual([])
  })

  it('a value read once is the value validated and sent', async () => {
    let reads = 0
    const { fetch, sent } = recordingFetch(() => Response.json({ id: 'ct_1' }))
    const params = Object.defineProperty({ apiKey: KEY }, 'contactId', {
      enumerable: true,
      get: () => (reads++ === 0 ? 'ct_1' : '../../v1/numbers'),
    })
    const result = await executeTool('agentphone_get_contact', params, { fetch })
    expect(result.success).toBe(true)
    expect(sent.map((request) => new URL(request.url).pathname)).toEqual(['/v1/contacts/ct_1'])
  })
})

describe('runBlock never rejects', () => {
  it.each([
    [
      'a revoked Proxy',
      revoked(),
      "The block values must be an object of field values: the field values could not be read (Cannot perform 'IsArray' on a proxy that has been revoked)",
    ],
    [
      'an apiKey getter that throws',
      throwingGetter('apiKey', { operation: 'get_usage' }),
      'The block values must be an object of field values: apiKey could not be read (getter exploded)',
    ],
    [
      'a BigInt operation',
      { operation: 10n, apiKey: KEY },
      'Choose an AgentPhone operation (got a bigint value); one of:',
    ],
  ])('%s: a clear failure, nothing sent', async (_, values, error) => {
    const { fetch, sent } = never()
    const result = await runBlock(values as never, { fetch })
    expect(result.success).toBe(false)
    expect(result.error?.startsWith(error)).toBe(true)
    expect(sent).toEqual([])
  })
})

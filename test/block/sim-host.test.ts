/**
 * Run as Sim runs a block: its serializer keeps the values of the fields the operation shows, and
 * its executor hands the tool `{...inputs, ...tools.config.params(inputs)}` — the raw field
 * values with the block's params on top — and calls the tool's request builders with that. The
 * tool must send exactly the request it sends for the params alone.
 */
import { describe, expect, it } from 'vitest'
import {
  AgentPhoneBlock,
  OPERATIONS,
  paramsOf,
  toolIdOf,
  visibleSubBlocks,
} from '../../blocks/index.js'
import { agentphoneTools } from '../../tools/index.js'
import { ALL_FIELDS } from './fields.js'

type Builder = string | ((params: Record<string, unknown>) => unknown)
interface Request {
  url: Builder
  headers: Builder
  body?: Builder
}

const build = (builder: Builder | undefined, params: Record<string, unknown>) =>
  typeof builder === 'function' ? builder(params) : builder

describe.each(OPERATIONS)('%s, run as Sim runs it', (operation) => {
  const values: Record<string, unknown> = { ...ALL_FIELDS, operation }
  const inputs = Object.fromEntries(
    visibleSubBlocks(AgentPhoneBlock, values).map(({ id }) => [id, values[id]])
  )
  const params = paramsOf(inputs)
  const merged = { ...inputs, ...params }
  const request = agentphoneTools[toolIdOf({ operation })]?.request as unknown as Request

  it('sends the same request from the merged inputs as from the params alone', () => {
    expect(build(request.url, merged)).toBe(build(request.url, params))
    expect(build(request.headers, merged)).toEqual(build(request.headers, params))
    expect(build(request.body, merged)).toEqual(build(request.body, params))
  })
})

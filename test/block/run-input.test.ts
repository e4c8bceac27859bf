import { describe, expect, it, vi } from 'vitest'
import { runBlock } from '../../blocks/index.js'

describe('runBlock given something other than field values', () => {
  it.each([
    [null, 'Choose an AgentPhone operation (got none)'],
    [undefined, 'Choose an AgentPhone operation (got none)'],
    [[], 'The block values must be an object of field values'],
    ['send_message', 'The block values must be an object of field values'],
  ])('%j: a clear failure, nothing sent, nothing thrown', async (values, message) => {
    const fetch = vi.fn<typeof globalThis.fetch>()
    const result = await runBlock(values as never, { fetch })
    expect(result.success).toBe(false)
    expect(result.error?.startsWith(message)).toBe(true)
    expect(fetch).not.toHaveBeenCalled()
  })
})

import { describe, expect, it } from 'vitest'
import { agentphoneTools } from '../tools/index.js'

describe('tool registry', () => {
  it('holds the 22 operations, keyed by agentphone_<operation>', () => {
    expect(Object.keys(agentphoneTools)).toHaveLength(22)
    for (const [id, tool] of Object.entries(agentphoneTools)) expect(tool.id).toBe(id)
  })
})

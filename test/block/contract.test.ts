/**
 * A workflow saved in Sim stores the block type, the operation id and each field's value under its
 * field id. The contract lists them all; the block must use exactly those ids.
 */
import { describe, expect, it } from 'vitest'
import { AgentPhoneBlock, isTriggerField, optionsOf, toolIdOf } from '../../blocks/index.js'
import { getTrigger } from '../../triggers/index.js'
import { readSpec } from '../support/spec.js'

const contract = readSpec('contract')

/** The comma-separated list after `- <label>:` in the compatibility section, notes dropped. */
function listed(label: string): string[] {
  const section = contract.split('## Compatibility with workflows saved in Sim')[1] ?? ''
  const line = section.split('\n').find((text) => text.startsWith(`- ${label}:`))
  if (!line) throw new Error(`the contract has no "${label}" line`)
  return line
    .slice(`- ${label}:`.length)
    .replace(/\([^)]*\)/g, '')
    .split(',')
    .map((id) => id.trim().replace(/`/g, ''))
    .filter(Boolean)
}

/**
 * Fields beyond Sim's block (issue 13: Get Call can wait for the call to finish). New ids, so a
 * workflow saved in Sim still loads: it has none of them, and leaving them unset is no wait.
 */
const ADDED_FIELD_IDS = ['waitForCompletion', 'waitTimeout']

describe('ids of workflows saved in Sim', () => {
  it('reads the lists from the contract', () => {
    expect(listed('operation ids')).toHaveLength(22)
    expect(listed('field ids')).toContain('toNumberMessage')
  })

  it('uses the block type and tool id pattern', () => {
    const [type, toolIds] = listed('block type')[0]?.split(';') ?? []
    expect(type).toBe('agentphone')
    expect(toolIds?.trim()).toBe('tool ids: agentphone_<operation>')
    expect(AgentPhoneBlock.type).toBe('agentphone')
  })

  it('offers exactly the operation ids, in their order', () => {
    const operation = AgentPhoneBlock.subBlocks.find(({ id }) => id === 'operation')
    expect(operation).toBeDefined()
    expect(optionsOf(operation ?? { id: '', type: 'dropdown' }).map(({ id }) => id)).toEqual(
      listed('operation ids')
    )
  })

  it('runs each operation with the tool agentphone_<operation>', () => {
    for (const operation of listed('operation ids')) {
      expect(toolIdOf({ operation })).toBe(`agentphone_${operation}`)
    }
  })

  it('has exactly the field ids, each once (besides its trigger fields)', () => {
    const ids = AgentPhoneBlock.subBlocks
      .filter((field) => !isTriggerField(field))
      .map(({ id }) => id)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual([...listed('field ids'), ...ADDED_FIELD_IDS].sort())
  })

  it("ends with its triggers' fields, as Sim's blocks hold them", () => {
    expect(AgentPhoneBlock.triggers).toEqual({
      enabled: true,
      available: [
        'agentphone_message_received',
        'agentphone_call_ended',
        'agentphone_reaction_received',
      ],
    })
    expect(AgentPhoneBlock.subBlocks.filter(isTriggerField)).toEqual(
      AgentPhoneBlock.triggers?.available.flatMap((id) => getTrigger(id).subBlocks)
    )
  })

  it('takes inputs under exactly the field ids', () => {
    expect(Object.keys(AgentPhoneBlock.inputs).sort()).toEqual(
      [...listed('field ids'), ...ADDED_FIELD_IDS].sort()
    )
  })
})

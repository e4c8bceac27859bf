import { describe, expect, it } from 'vitest'
import { AgentPhoneBlock as blockByAlias } from '@/blocks/index'
import { AgentPhoneIcon as iconByAlias } from '@/components/icons'
import { agentphoneTools as toolsByAlias } from '@/tools/index'
import { AgentPhoneBlock } from '../blocks/index.js'
import { AgentPhoneIcon } from '../icons/index.js'
import { agentphoneTools } from '../tools/index.js'

describe("Sim's import aliases", () => {
  it('resolve to the same modules as the relative paths', () => {
    expect(toolsByAlias).toBe(agentphoneTools)
    expect(blockByAlias).toBe(AgentPhoneBlock)
    expect(iconByAlias).toBe(AgentPhoneIcon)
  })
})

/**
 * What a Sim checkout relies on beyond the text of the tools: imports it can resolve, the secret
 * projection of `create_call`, answers read by `transformResponse` alone (Sim calls it on error
 * statuses too), and validation rules that stay attached to params the tools declare.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { paramsSchemaOf, toolRuleNames } from '../../tools/agentphone/params.js'
import { agentphoneTools } from '../../tools/index.js'
import { API_KEY } from '../support/nock-api.js'
import { apiMessageWithMedia, messageWithMediaOutput } from './fixtures.js'

const TOOLS_DIR = new URL('../../tools/agentphone/', import.meta.url)
const files = readdirSync(TOOLS_DIR).filter((file) => file.endsWith('.ts'))

/** Every module specifier: static imports and re-exports, dynamic imports, side-effect imports. */
function specifiers(source: string): string[] {
  const patterns = [
    /(?:^|\n)\s*(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1] ?? ''))
}

describe('imports of the exported tool files', () => {
  it.each(files)('%s imports only zod and @/tools/… without file extensions', (file) => {
    const found = specifiers(readFileSync(new URL(file, TOOLS_DIR), 'utf8'))
    for (const specifier of found) {
      expect(
        specifier === 'zod' || /^@\/tools\/[\w/-]+$/.test(specifier),
        `${file}: "${specifier}" is not resolvable in a Sim checkout`
      ).toBe(true)
      expect(specifier, `${file}: a file extension`).not.toMatch(/\.(ts|tsx|js|mjs)$/)
    }
  })

  it('finds the imports it checks (the reader is not blind)', () => {
    expect(specifiers(readFileSync(new URL('get_call.ts', TOOLS_DIR), 'utf8'))).toEqual([
      '@/tools/agentphone/request',
      '@/tools/agentphone/response',
      '@/tools/agentphone/types',
      '@/tools/types',
    ])
    expect(specifiers("import { z } from 'zod'\nexport * from './x.js'\nimport('ky')")).toEqual([
      'zod',
      './x.js',
      'ky',
    ])
  })
})

describe('create_call modelInput', () => {
  const tool = agentphoneTools.agentphone_create_call

  it("projects exactly the greeting and system prompt, as Sim's own tool does", () => {
    const params = {
      apiKey: API_KEY,
      agentId: 'agt_1',
      toNumber: '+14155551234',
      initialGreeting: 'Hi {{NAME}}',
      systemPrompt: 'You are {{ROLE}}',
      voice: 'v1',
    }
    expect(tool?.request.modelInput?.mode).toBe('project')
    expect(tool?.request.modelInput?.select(params)).toEqual({
      initialGreeting: 'Hi {{NAME}}',
      systemPrompt: 'You are {{ROLE}}',
    })
  })

  it('is the only tool that declares one', () => {
    const withModelInput = Object.values(agentphoneTools).filter((t) => t.request.modelInput)
    expect(withModelInput.map((t) => t.id)).toEqual(['agentphone_create_call'])
  })
})

describe('transformResponse called by the host', () => {
  it('answers an error status with success: false, the status and the API words', async () => {
    const tool = agentphoneTools.agentphone_get_contact
    const response = Response.json({ detail: 'Contact not found' }, { status: 404 })
    expect(await tool?.transformResponse(response, { apiKey: API_KEY, contactId: 'ct_1' })).toEqual(
      {
        success: false,
        output: {},
        error: 'AgentPhone API error (HTTP 404): Contact not found',
      }
    )
  })

  it('reads a 200 into the declared outputs, keeping every attachment', async () => {
    const tool = agentphoneTools.agentphone_get_conversation_messages
    const response = Response.json({ data: [apiMessageWithMedia], hasMore: false })
    expect(await tool?.transformResponse(response)).toEqual({
      success: true,
      output: { data: [messageWithMediaOutput], hasMore: false },
    })
  })

  it('takes the released number from raw params, trimmed, as Sim passes them', async () => {
    const tool = agentphoneTools.agentphone_release_number
    const response = Response.json({ success: true })
    expect(
      await tool?.transformResponse(response, { apiKey: API_KEY, numberId: ' num_1 ' })
    ).toEqual({ success: true, output: { id: 'num_1', released: true } })
  })
})

describe('request builders called directly', () => {
  it('percent-encode each path ID as one segment and fill the query from validated params', () => {
    const getContact = agentphoneTools.agentphone_get_contact
    expect(getContact?.request.url({ apiKey: API_KEY, contactId: ' a/b?c#d ' })).toBe(
      'https://api.agentphone.ai/v1/contacts/a%2Fb%3Fc%23d'
    )
    const getConversation = agentphoneTools.agentphone_get_conversation
    expect(
      getConversation?.request.url({ apiKey: API_KEY, conversationId: 'c_1', messageLimit: ' 5 ' })
    ).toBe('https://api.agentphone.ai/v1/conversations/c_1?message_limit=5')
  })

  it('refuse "." and ".." as IDs, which URL parsing would resolve as directory steps', () => {
    const getContact = agentphoneTools.agentphone_get_contact
    expect(() => getContact?.request.url({ apiKey: API_KEY, contactId: '..' })).toThrow(
      'Invalid parameters for agentphone_get_contact: contactId must be an ID, not "." or ".."'
    )
  })
})

describe('validation rules', () => {
  it('name only params their tools declare (a renamed param cannot lose its rule)', () => {
    for (const [toolId, names] of Object.entries(toolRuleNames())) {
      const tool = agentphoneTools[toolId]
      expect(tool, toolId).toBeDefined()
      for (const name of names) expect(Object.keys(tool?.params ?? {}), toolId).toContain(name)
    }
  })

  it('cover every param of every tool', () => {
    for (const tool of Object.values(agentphoneTools)) {
      expect(() => paramsSchemaOf(tool), tool.id).not.toThrow()
    }
  })
})

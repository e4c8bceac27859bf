/**
 * What Sim's conventions and checks ask of a block, held against the literal block: catalog
 * fields, the AI-assist and canvas-noun fields, canvas sentences for every operation (with the
 * rules of Sim's `check-canvas-sentences`), and a block file that Sim's generators, which read
 * block files as text, read completely.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  AgentPhoneBlock,
  AgentPhoneBlockMeta,
  AuthMode,
  type CanvasSentence,
  IntegrationType,
  isTriggerField,
  isVisible,
  OPERATIONS,
  optionsOf,
  type SubBlockConfig,
} from '../../blocks/index.js'
import { subBlockOf } from './fields.js'

const block = AgentPhoneBlock
const subBlock = subBlockOf

describe('catalog fields', () => {
  it('declare the integration type, API-key auth and the docs page', () => {
    expect(block.integrationType).toBe(IntegrationType.Communication)
    expect(block.authMode).toBe(AuthMode.ApiKey)
    expect(block.docsLink).toBe('https://docs.sim.ai/integrations/agentphone')
    expect(block.category).toBe('tools')
  })

  it('come with block meta: tags, the service homepage, templates using this block', () => {
    expect(AgentPhoneBlockMeta.tags).toEqual(['messaging', 'automation'])
    expect(AgentPhoneBlockMeta.url).toBe('https://agentphone.ai')
    for (const template of AgentPhoneBlockMeta.templates) {
      expect(template.icon).toBe(block.icon)
      expect(template.prompt).toContain('AgentPhone')
    }
  })
})

describe('fields', () => {
  it('offer AI assist on the free-text and JSON fields', () => {
    const withWand = block.subBlocks.filter(({ wandConfig }) => wandConfig?.enabled)
    expect(withWand.map(({ id }) => id)).toEqual([
      'initialGreeting',
      'systemPrompt',
      'metadata',
      'messageBody',
      'before',
      'after',
    ])
    for (const { id, wandConfig } of withWand) {
      expect(wandConfig?.prompt, id).toMatch(/Return only/)
      expect(wandConfig?.placeholder, id).toMatch(/\S/)
    }
    expect(subBlock('metadata').wandConfig?.generationType).toBe('json-object')
    expect(subBlock('before').wandConfig?.generationType).toBe('timestamp')
    expect(subBlock('after').wandConfig?.generationType).toBe('timestamp')
  })

  it('name the two destination phone numbers in prose with a canvas noun', () => {
    const withNoun = block.subBlocks.filter(
      (field) => field.canvasNoun !== undefined && !isTriggerField(field)
    )
    expect(withNoun.map(({ id, canvasNoun }) => [id, canvasNoun])).toEqual([
      ['toNumberCall', 'a phone number'],
      ['toNumberMessage', 'a phone number'],
    ])
  })
})

/** Shown on a fresh card: the operation shows it and it is not behind the advanced toggle. */
const onFreshCard = (field: SubBlockConfig, operation: string) =>
  isVisible(field, { operation }) && field.mode !== 'advanced'

const fieldIdsOf = (field: string | readonly string[]) =>
  typeof field === 'string' ? [field] : [...field]

/** How a card reads with nothing filled: literal copy and core clauses (chip = the field id). */
function bareReading(sentence: CanvasSentence): string {
  return sentence
    .flatMap((clause) => {
      if (typeof clause === 'string') return [clause]
      if (!clause.core) return []
      return [clause.text, `⟨${fieldIdsOf(clause.field).join('|')}⟩`, clause.after]
    })
    .filter(Boolean)
    .join(' ')
}

describe('canvas sentences', () => {
  const byOperation = block.canvasPresentation?.sentences?.byOperation ?? {}
  const dropdown = optionsOf(subBlock('operation')).map(({ id }) => id)

  it('cover every operation of the dropdown, and nothing else', () => {
    expect(block.canvasPresentation?.defaultTitle).toBe(block.name)
    expect(Object.keys(byOperation)).toEqual(dropdown)
    expect(dropdown).toEqual(OPERATIONS)
  })

  it.each(OPERATIONS)('%s: names only fields the operation shows', (operation) => {
    for (const clause of byOperation[operation] ?? []) {
      if (typeof clause === 'string') continue
      for (const id of fieldIdsOf(clause.field)) {
        expect(isVisible(subBlock(id), { operation }), id).toBe(true)
      }
    }
  })

  it.each(OPERATIONS)('%s: makes core only fields always on a fresh card', (operation) => {
    for (const clause of byOperation[operation] ?? []) {
      if (typeof clause === 'string' || !clause.core) continue
      for (const id of fieldIdsOf(clause.field)) {
        expect(onFreshCard(subBlock(id), operation), id).toBe(true)
      }
    }
  })

  it.each(OPERATIONS)(
    '%s: says something on a fresh card, imperative, no article before a chip',
    (operation) => {
      const sentence = byOperation[operation] ?? []
      expect(bareReading(sentence)).toMatch(/^[A-Z][a-z]+ /)
      expect(bareReading(sentence)).not.toMatch(/^\w+s /)
      for (const clause of sentence) {
        if (typeof clause === 'string') continue
        expect(clause.text ?? '', JSON.stringify(clause)).not.toMatch(/\b(an?|the)$/i)
        // An optional clause carries its own connective, so nothing dangles when it drops.
        if (!clause.core) expect(clause.after ?? '').not.toMatch(/\b(to|for|with|of|in|and)$/)
      }
    }
  )

  it('reads differently for every operation on a fresh card', () => {
    const readings = OPERATIONS.map((operation) => bareReading(byOperation[operation] ?? []))
    expect(new Set(readings).size).toBe(OPERATIONS.length)
  })
})

describe('the block file, read as text the way Sim’s generators read it', () => {
  const source = readFileSync(join(import.meta.dirname, '../../blocks/agentphone.ts'), 'utf8')
  const property = (name: string) =>
    new RegExp(`\\b${name}\\s*:\\s*(?:'([^']*)'|"([^"]*)")`).exec(source)?.slice(1).find(Boolean)

  it('exports the block and its meta under the names Sim’s registries import', () => {
    expect(source).toMatch(/^export const AgentPhoneBlock: BlockConfig = \{$/m)
    expect(source).toMatch(/^export const AgentPhoneBlockMeta = \{$/m)
  })

  it('holds type, name, descriptions and colour as single string literals', () => {
    expect(property('type')).toBe(block.type)
    expect(property('name')).toBe(block.name)
    expect(property('description')).toBe(block.description)
    expect(property('longDescription')).toBe(block.longDescription)
    expect(property('bgColor')).toBe(block.bgColor)
    expect(source).toMatch(/integrationType: IntegrationType\.Communication,/)
  })

  it('lists the operations as label/id literals and every tool in tools.access', () => {
    const options = [...source.matchAll(/\{ label: '([^']+)', id: '([a-z_]+)' \}/g)]
    const operations = options.filter(([, , id]) => OPERATIONS.includes(id as never))
    expect(operations.map(([, , id]) => id)).toEqual(OPERATIONS)
    const access = /access\s*:\s*\[\s*([^\]]+)\s*\]/.exec(source)?.[1] ?? ''
    expect([...access.matchAll(/'([^']+)'/g)].map(([, id]) => id)).toEqual(block.tools.access)
  })

  it('writes every output out with its type and description', () => {
    for (const [key, output] of Object.entries(block.outputs)) {
      const written = new RegExp(`\\b${key}: \\{\\s*type: '(\\w+)',\\s*description:`).exec(source)
      expect(written?.[1], key).toBe(typeof output === 'string' ? output : output.type)
    }
  })
})

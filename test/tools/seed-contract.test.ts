/**
 * The seed (../shared/seed/agentphone-in-sim.txt) is the product spec: for each operation, the
 * parameter table and the output table. These tests parse it and hold every tool to it — names,
 * types, required flags, descriptions, and which params an LLM may fill in.
 */
import { describe, expect, it } from 'vitest'
import { agentphoneTools } from '../../tools/index.js'
import type { OutputProperty } from '../../tools/types.js'
import { readSpec } from '../support/spec.js'

interface SeedParam {
  name: string
  type: string
  required: boolean
  visibility: string
  description: string
}

interface SeedOutput {
  name: string
  type: string
  description: string
  items?: SeedOutput[]
}

interface SeedOperation {
  description: string
  params: SeedParam[]
  outputs: SeedOutput[]
}

const PARAMS_HEADER = '| Parameter | Type | Required | Description |'
const OUTPUTS_HEADER = '| Parameter | Type | Description |'
const NESTED = '↳ '

/** `a | b | c |` → ['a', 'b', 'c'], insisting on the expected number of cells. */
function cells(line: string, count: number): string[] {
  if (!line.endsWith(' |')) throw new Error(`Not a table row: ${line}`)
  const values = line.slice(0, -2).split(' | ')
  if (values.length !== count) throw new Error(`Expected ${count} cells in: ${line}`)
  return values.map((value) => value.trim())
}

const isRow = (line: string | undefined): line is string =>
  line?.endsWith(' |') === true && !line.startsWith('|')

/** Each operation: its description line, then its parameter table, then its output table. */
function parseSeed(text: string): SeedOperation[] {
  const lines = text.split('\n').map((line) => line.trimEnd())
  const operations: SeedOperation[] = []
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== PARAMS_HEADER) continue
    const description = lines[i - 1] ?? ''
    const params: SeedParam[] = []
    i += 2 // the header and its |---| line
    for (; isRow(lines[i]); i++) {
      const [name = '', type = '', required = '', paramDescription = ''] = cells(lines[i] ?? '', 4)
      params.push({
        name,
        type,
        required: required === 'Yes',
        visibility: name === 'apiKey' ? 'user-only' : 'user-or-llm',
        description: paramDescription,
      })
    }
    if (lines[i] !== OUTPUTS_HEADER) throw new Error(`No output table after: ${description}`)
    const outputs: SeedOutput[] = []
    for (i += 2; isRow(lines[i]); i++) {
      const [name = '', type = '', outputDescription = ''] = cells(lines[i] ?? '', 3)
      if (name.startsWith(NESTED)) {
        const parent = outputs.at(-1)
        if (!parent) throw new Error(`Nested row without a parent: ${lines[i]}`)
        parent.items ??= []
        parent.items.push({ name: name.slice(NESTED.length), type, description: outputDescription })
      } else {
        outputs.push({ name, type, description: outputDescription })
      }
    }
    i--
    operations.push({ description, params, outputs })
  }
  return operations
}

function declaredOutputs(outputs: Record<string, OutputProperty>): SeedOutput[] {
  return Object.entries(outputs).map(([name, output]) => ({
    name,
    type: output.type,
    description: output.description,
    ...(output.items?.properties ? { items: declaredOutputs(output.items.properties) } : {}),
  }))
}

/**
 * Sim's own names for its AgentPhone tools: its docs headings and integrations catalog come from
 * them, so ours are the same.
 */
const SIM_TOOL_NAMES: Record<string, string> = {
  agentphone_create_number: 'Create Phone Number',
  agentphone_list_numbers: 'List Phone Numbers',
  agentphone_release_number: 'Release Phone Number',
  agentphone_get_number_messages: 'Get Phone Number Messages',
  agentphone_create_call: 'Create Outbound Call',
  agentphone_list_calls: 'List Calls',
  agentphone_get_call: 'Get Call',
  agentphone_get_call_transcript: 'Get Call Transcript',
  agentphone_list_conversations: 'List Conversations',
  agentphone_get_conversation: 'Get Conversation',
  agentphone_update_conversation: 'Update Conversation',
  agentphone_get_conversation_messages: 'Get Conversation Messages',
  agentphone_send_message: 'Send Message',
  agentphone_react_to_message: 'React to Message',
  agentphone_create_contact: 'Create Contact',
  agentphone_list_contacts: 'List Contacts',
  agentphone_get_contact: 'Get Contact',
  agentphone_update_contact: 'Update Contact',
  agentphone_delete_contact: 'Delete Contact',
  agentphone_get_usage: 'Get Usage',
  agentphone_get_usage_daily: 'Get Daily Usage',
  agentphone_get_usage_monthly: 'Get Monthly Usage',
}

/**
 * The seed predates `mediaUrls`: every message item now carries the whole list of attachments
 * next to `mediaUrl` (the first), as Sim's own tools do, so no attachment is lost.
 */
function withMediaUrls(outputs: SeedOutput[]): SeedOutput[] {
  return outputs.map((output) => {
    if (!output.items?.some((item) => item.name === 'mediaUrl')) return output
    return {
      ...output,
      items: output.items.flatMap((item) =>
        item.name === 'mediaUrl'
          ? [item, { name: 'mediaUrls', type: 'array', description: 'All attached media URLs' }]
          : [item]
      ),
    }
  })
}

/**
 * Params beyond the seed, appended after its own (issue 13): Get Call's long-poll, which the API
 * and AgentPhone's own tools have (`?wait=true&timeout=N`) and a workflow needs to read a finished
 * call's transcript.
 */
const ADDED_PARAMS: Record<string, SeedParam[]> = {
  agentphone_get_call: [
    {
      name: 'wait',
      type: 'boolean',
      required: false,
      visibility: 'user-or-llm',
      description:
        'Wait for the call to finish (completed, failed or canceled) before answering, so the transcript is complete',
    },
    {
      name: 'timeoutSeconds',
      type: 'number',
      required: false,
      visibility: 'user-or-llm',
      description:
        'With wait: answer after this many seconds even if the call is still going (1-300, default 120)',
    },
  ],
}

const seedText = readSpec('seed')
const seed = parseSeed(seedText)
const tools = Object.values(agentphoneTools)

describe('the seed, parsed', () => {
  it('has 22 operations, the same descriptions as the 22 tools', () => {
    expect(seed).toHaveLength(22)
    expect(seed.map((operation) => operation.description).sort()).toEqual(
      tools.map((tool) => tool.description).sort()
    )
  })

  it('reads every table row in the file, none skipped', () => {
    const rows = seedText.split('\n').filter((line) => isRow(line.trimEnd()))
    const parsed = seed.flatMap((op) => [
      ...op.params,
      ...op.outputs.flatMap((output) => [output, ...(output.items ?? [])]),
    ])
    expect(parsed).toHaveLength(rows.length)
    expect(rows.length).toBeGreaterThan(250)
  })

  it('reads a parameter table and a nested output table (send_message, get_call)', () => {
    const sendMessage = seed.find((op) => op.description.startsWith('Send an outbound SMS'))
    expect(sendMessage?.params.map((p) => [p.name, p.required])).toEqual([
      ['apiKey', true],
      ['agentId', true],
      ['toNumber', true],
      ['body', true],
      ['mediaUrl', false],
      ['numberId', false],
    ])
    const getCall = seed.find((op) => op.description === 'Fetch a call and its full transcript')
    expect(getCall?.outputs.at(-1)).toEqual({
      name: 'transcripts',
      type: 'array',
      description: 'Ordered transcript turns for the call',
      items: [
        { name: 'id', type: 'string', description: 'Transcript turn ID' },
        { name: 'transcript', type: 'string', description: 'User utterance' },
        { name: 'confidence', type: 'number', description: 'Speech recognition confidence' },
        { name: 'response', type: 'string', description: 'Agent response (when available)' },
        { name: 'createdAt', type: 'string', description: 'ISO 8601 timestamp' },
      ],
    })
  })
})

describe.each(seed)('$description', (operation) => {
  const tool = tools.find((candidate) => candidate.description === operation.description)

  it("is a tool with an agentphone_<operation> id, Sim's name for it and a version", () => {
    expect(tool?.id).toMatch(/^agentphone_[a-z_]+$/)
    expect(tool?.name).toBe(SIM_TOOL_NAMES[tool?.id ?? ''])
    expect(tool?.version).toBe('1.0.0')
  })

  it("declares the seed's parameters: names, order, types, required flags, descriptions", () => {
    const declared = Object.entries(tool?.params ?? {}).map(([name, param]) => ({
      name,
      type: param.type,
      required: param.required,
      visibility: param.visibility,
      description: param.description,
    }))
    expect(declared).toEqual([...operation.params, ...(ADDED_PARAMS[tool?.id ?? ''] ?? [])])
  })

  it("declares the seed's outputs: names, order, types, descriptions, array items", () => {
    expect(declaredOutputs(tool?.outputs ?? {})).toEqual(withMediaUrls(operation.outputs))
  })
})

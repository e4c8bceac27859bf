import { describe, expect, it } from 'vitest'
import { AgentPhoneBlock, type BlockConfig } from '../../blocks/index.js'
import { eventStreamParser, type RunEvent } from '../../editor/src/api.js'
import {
  insertReference,
  openReference,
  referenceOptions,
} from '../../editor/src/model/references.js'
import { MASK, maskSecrets, secretsOf } from '../../editor/src/model/secrets.js'
import { sentenceOf, sentenceText } from '../../editor/src/model/sentence.js'
import { validateBlock } from '../../editor/src/model/validate.js'
import {
  addBlock,
  connect,
  emptyWorkflow,
  parseDocument,
  renameBlock,
  setValue,
  type WorkflowDocument,
} from '../../editor/src/model/workflow.js'

const Icon = () => null

/** A Start-like trigger, written here so these tests do not depend on the workflow registry. */
const startConfig = {
  type: 'start_trigger',
  name: 'Start',
  description: 'Start',
  category: 'triggers',
  bgColor: '#000',
  icon: Icon,
  subBlocks: [{ id: 'inputFormat', title: 'Inputs', type: 'input-format' }],
  tools: { access: [] },
  inputs: {},
  outputs: {},
} as unknown as BlockConfig

const registry = { start_trigger: startConfig, agentphone: AgentPhoneBlock }

function twoBlocks() {
  let doc: WorkflowDocument = emptyWorkflow('Test')
  const start = addBlock(doc, startConfig, { x: 0, y: 0 }, 'start-id')
  doc = start.doc
  const phone = addBlock(doc, AgentPhoneBlock, { x: 300, y: 0 }, 'phone-id')
  doc = phone.doc
  doc = setValue(doc, 'start-id', 'inputFormat', 'input-format', [
    { id: 'a', name: 'phone', type: 'string', value: '+14155550100' },
  ])
  doc = setValue(doc, 'phone-id', 'operation', 'dropdown', 'send_message')
  return connect(doc, { source: 'start-id', target: 'phone-id', sourceHandle: 'source' }).doc
}

describe('workflow document', () => {
  it('names blocks as Sim does and keeps every subBlock in the saved shape', () => {
    let doc = emptyWorkflow('Test')
    doc = addBlock(doc, AgentPhoneBlock, { x: 0, y: 0 }, 'one').doc
    doc = addBlock(doc, AgentPhoneBlock, { x: 0, y: 0 }, 'two').doc
    doc = addBlock(doc, startConfig, { x: 0, y: 0 }, 'three').doc
    expect(Object.values(doc.state.blocks).map((block) => block.name)).toEqual([
      'AgentPhone 1',
      'AgentPhone 2',
      'Start',
    ])
    expect(doc.state.blocks.one?.subBlocks.operation).toEqual({
      id: 'operation',
      type: 'dropdown',
      value: 'create_number',
    })
    // Trigger fields repeat an id once per trigger (shown for one trigger each): stored once.
    expect(Object.keys(doc.state.blocks.one?.subBlocks ?? {})).toEqual([
      ...new Set(AgentPhoneBlock.subBlocks.map((subBlock) => subBlock.id)),
    ])
  })

  it('refuses a connection that would close a cycle, and a duplicate is not added twice', () => {
    const doc = twoBlocks()
    expect(connect(doc, { source: 'phone-id', target: 'start-id' }).error).toMatch(/cycle/)
    expect(connect(doc, { source: 'start-id', target: 'phone-id' }).doc.state.edges).toHaveLength(1)
  })

  it('renaming a block rewrites the references to it, and only those', () => {
    let doc = twoBlocks()
    doc = setValue(doc, 'phone-id', 'messageBody', 'long-input', 'Hi <start.phone>, <starter.x>')
    const renamed = renameBlock(doc, 'start-id', 'Entry Point')
    expect(renamed.error).toBeUndefined()
    expect(renamed.doc.state.blocks['phone-id']?.subBlocks.messageBody?.value).toBe(
      'Hi <entrypoint.phone>, <starter.x>'
    )
    expect(renameBlock(renamed.doc, 'phone-id', 'entry point').error).toMatch(/<entrypoint>/)
  })

  it('an imported file must be a Sim export whose block types are known', () => {
    const doc = twoBlocks()
    expect(parseDocument(JSON.stringify(doc), registry)).toEqual(doc)
    expect(() => parseDocument('{', registry)).toThrow(/not JSON/)
    expect(() => parseDocument('{"state":{}}', registry)).toThrow(/state.blocks/)
    const unknown = structuredClone(doc)
    ;(unknown.state.blocks['phone-id'] as { type: string }).type = 'mystery'
    expect(() => parseDocument(JSON.stringify(unknown), registry)).toThrow(
      /AgentPhone 1 has an unknown type "mystery"/
    )
  })
})

describe('references', () => {
  it('lists the outputs of upstream blocks only, with nested fields of the selected operation', () => {
    let doc = twoBlocks()
    doc = addBlock(doc, AgentPhoneBlock, { x: 600, y: 0 }, 'later').doc
    doc = setValue(doc, 'later', 'operation', 'dropdown', 'list_numbers')
    doc = connect(doc, { source: 'phone-id', target: 'later' }).doc
    const forPhone = referenceOptions(doc, registry, 'phone-id').map((option) => option.path)
    expect(forPhone).toEqual(['start.phone'])
    const forLater = referenceOptions(doc, registry, 'later').map((option) => option.path)
    expect(forLater).toContain('start.phone')
    expect(forLater).toContain('agentphone1.toNumber')
    expect(forLater).toContain('agentphone1.channel')
    doc = setValue(doc, 'phone-id', 'operation', 'dropdown', 'list_numbers')
    const nested = referenceOptions(doc, registry, 'later').map((option) => option.path)
    expect(nested).toContain('agentphone1.data')
    expect(nested).toContain('agentphone1.data.0.phoneNumber')
    expect(nested).not.toContain('agentphone1.channel')
  })

  it('a trigger-mode block offers its trigger’s outputs, nested fields included', () => {
    let doc = emptyWorkflow('Test')
    doc = addBlock(doc, AgentPhoneBlock, { x: 0, y: 0 }, 'hook', 'agentphone_message_received').doc
    doc = addBlock(doc, AgentPhoneBlock, { x: 300, y: 0 }, 'reply').doc
    doc = connect(doc, { source: 'hook', target: 'reply' }).doc
    const hook = doc.state.blocks.hook
    expect(hook?.triggerMode).toBe(true)
    expect(hook?.subBlocks.selectedTriggerId?.value).toBe('agentphone_message_received')
    expect(hook?.subBlocks).toHaveProperty('triggerApiKey')
    const paths = referenceOptions(doc, registry, 'reply').map((option) => option.path)
    expect(paths).toContain('agentphone1.data.from')
    expect(paths).not.toContain('agentphone1.id')
  })

  it('typing < opens a query; choosing replaces it with the whole reference', () => {
    expect(openReference('Hi <sta', 7)).toEqual({ start: 3, query: 'sta' })
    expect(openReference('a < b', 5)).toBeNull()
    expect(insertReference('Hi <sta!', 7, 'start.phone')).toEqual({
      text: 'Hi <start.phone>!',
      caret: 16,
    })
  })
})

describe('panel validation', () => {
  const values = {
    operation: 'send_message',
    apiKey: 'sk_sandbox_demo',
    sendAgentId: 'agt_1',
    toNumberMessage: '+14155550100',
    messageBody: 'Hello',
  }

  it('a valid block has no problems; references and env values are left to the run', async () => {
    expect(await validateBlock(AgentPhoneBlock, values)).toEqual({ fields: {}, block: [] })
    const referenced = { ...values, toNumberMessage: '<start.phone>', apiKey: '{{KEY}}' }
    expect(await validateBlock(AgentPhoneBlock, referenced)).toEqual({ fields: {}, block: [] })
  })

  it('flags a non-E.164 number, a non-numeric limit and bad JSON on their fields', async () => {
    const phone = await validateBlock(AgentPhoneBlock, { ...values, toNumberMessage: '4155550100' })
    expect(phone.fields).toEqual({
      toNumberMessage: expect.stringMatching(/^To Phone Number must be a phone number in E.164/),
    })
    const limit = await validateBlock(AgentPhoneBlock, {
      operation: 'list_numbers',
      apiKey: 'sk_sandbox_demo',
      limit: 'ten',
    })
    expect(limit.fields).toEqual({ limit: 'Limit must be a number, got "ten"' })
    const json = await validateBlock(AgentPhoneBlock, {
      operation: 'update_conversation',
      apiKey: 'sk_sandbox_demo',
      conversationId: 'conv_1',
      metadata: '{"stage": ',
    })
    expect(json.fields.metadata).toMatch(/^Metadata must be valid JSON/)
  })
})

describe('card sentence', () => {
  const config = {
    ...startConfig,
    type: 'demo',
    subBlocks: [
      {
        id: 'operation',
        title: 'Operation',
        type: 'dropdown',
        options: [{ id: 'send', label: 'Send' }],
      },
      { id: 'to', title: 'To', type: 'short-input', canvasNoun: 'a phone number' },
      { id: 'body', title: 'Message', type: 'long-input' },
      { id: 'media', title: 'Media URL', type: 'short-input' },
    ],
    canvasPresentation: {
      defaultTitle: 'Demo',
      sentences: {
        byOperation: {
          send: [
            { text: 'Send', field: 'body', core: true },
            { text: 'to', field: 'to', core: true },
            { text: ', with media', field: 'media' },
          ],
        },
      },
    },
  } as unknown as BlockConfig

  it('core clauses show the noun while empty; optional clauses appear once filled', () => {
    const empty = sentenceOf(config, { operation: 'send' })
    expect(empty && sentenceText(empty)).toBe('Send a message to a phone number')
    const filled = sentenceOf(config, { operation: 'send', body: 'Hi', to: '+1415', media: 'x' })
    expect(filled?.filter((part) => part.kind === 'chip').map((part) => part.text)).toEqual([
      'Hi',
      '+1415',
      'x',
    ])
    expect(sentenceOf(startConfig, {})).toBeNull()
  })

  it('reads the AgentPhone block’s own sentence for the selected operation', () => {
    const fresh = sentenceOf(AgentPhoneBlock, { operation: 'send_message' })
    expect(fresh && sentenceText(fresh)).toBe('Send a message to a phone number')
    const set = sentenceOf(AgentPhoneBlock, {
      operation: 'send_message',
      toNumberMessage: '<start.phone>',
      messageBody: 'Hello',
      apiKey: 'sk_secret_value',
    })
    expect(set?.filter((part) => part.kind === 'chip').map((part) => part.text)).toEqual([
      'Hello',
      '<start.phone>',
    ])
  })
})

describe('secrets in results', () => {
  it('masks typed secrets anywhere and values under secret-looking keys', () => {
    let doc = twoBlocks()
    doc = setValue(doc, 'phone-id', 'apiKey', 'short-input', 'sk_live_abcdef123456')
    const secrets = secretsOf(doc, registry)
    expect(secrets).toEqual(['sk_live_abcdef123456'])
    expect(
      maskSecrets(
        { note: 'key sk_live_abcdef123456 leaked', apiKey: 'other', list: ['x'] },
        secrets
      )
    ).toEqual({ note: `key ${MASK} leaked`, apiKey: MASK, list: ['x'] })
    doc = setValue(doc, 'phone-id', 'apiKey', 'short-input', '{{AGENTPHONE_API_KEY}}')
    expect(secretsOf(doc, registry)).toEqual([])
  })
})

describe('run event stream', () => {
  it('parses named JSON events however the body is chunked', () => {
    const events: RunEvent[] = []
    const parser = eventStreamParser((event) => events.push(event))
    const body =
      'event: block-started\ndata: {"runId":"r","blockId":"b","name":"Start","type":"start_trigger","startedAt":"t"}\n\n' +
      ': keep-alive\n\nevent: run-finished\ndata: {"runId":"r","success":true,\ndata: "output":{},"blocks":[]}\n\n'
    for (let at = 0; at < body.length; at += 7) parser.push(body.slice(at, at + 7))
    parser.end()
    expect(events.map((event) => event.event)).toEqual(['block-started', 'run-finished'])
    expect(events[1]?.data).toEqual({ runId: 'r', success: true, output: {}, blocks: [] })
  })
})

/** AgentPhone triggers in the editor: offered in the palette, added as a block in trigger mode. */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { AgentPhoneBlock } from '../../blocks/index.js'
import { BlockPanel } from '../../editor/src/components/BlockPanel.js'
import { Palette } from '../../editor/src/components/Palette.js'
import { addBlock, type BlockState, emptyWorkflow } from '../../editor/src/model/workflow.js'
import { registry, triggers } from '../../editor/src/registry.js'
import { loadWorkflow } from '../../workflow/index.js'

const labelsOf = (html: string) =>
  [...html.matchAll(/<label[^>]*>([^<]*)<\/label>/g)].map(([, label]) => label)

function panelLabels(block: BlockState) {
  return labelsOf(
    renderToStaticMarkup(
      <BlockPanel
        block={block}
        config={AgentPhoneBlock}
        references={[]}
        envNames={[]}
        problems={{ fields: {}, block: [] }}
        onChange={() => undefined}
        onRename={() => undefined}
        onAdvanced={() => undefined}
        onDelete={() => undefined}
      />
    )
  )
}

describe('AgentPhone triggers in the editor', () => {
  it('the palette offers each trigger after Start and before the action blocks', () => {
    expect(triggers.map(({ id, blockType }) => [id, blockType])).toEqual([
      ['agentphone_message_received', 'agentphone'],
      ['agentphone_call_ended', 'agentphone'],
      ['agentphone_reaction_received', 'agentphone'],
    ])
    const html = renderToStaticMarkup(
      <Palette configs={Object.values(registry)} triggers={triggers} onAdd={() => undefined} />
    )
    const entries = [...html.matchAll(/<li aria-label="([^"]+)"/g)].map(([, name]) => name)
    expect(entries).toEqual([
      'Start',
      'AgentPhone Message Received',
      'AgentPhone Call Ended',
      'AgentPhone Reaction Received',
      'Condition',
      'Response',
      'AgentPhone',
    ])
  })

  it('adds an agentphone block in trigger mode, named as Sim names it, that the runtime loads', () => {
    const { doc, id } = addBlock(
      emptyWorkflow('Replies'),
      AgentPhoneBlock,
      { x: 0, y: 0 },
      'trigger-1',
      'agentphone_message_received'
    )
    const block = doc.state.blocks[id] as BlockState
    expect(block).toMatchObject({ type: 'agentphone', name: 'AgentPhone 1', triggerMode: true })
    expect(block.subBlocks.selectedTriggerId?.value).toBe('agentphone_message_received')
    expect(loadWorkflow(doc).ok).toBe(true)
  })

  it('its panel shows the trigger fields, and an action block never does', () => {
    const trigger = addBlock(
      emptyWorkflow('T'),
      AgentPhoneBlock,
      { x: 0, y: 0 },
      'b',
      'agentphone_call_ended'
    )
    expect(panelLabels(trigger.doc.state.blocks.b as BlockState)).toEqual([
      'Block name',
      'Trigger Type',
      'Webhook URL',
      'API Key',
      'Agent ID (Optional)',
      'Setup Instructions',
    ])
    const action = addBlock(emptyWorkflow('T'), AgentPhoneBlock, { x: 0, y: 0 }, 'b')
    const labels = panelLabels(action.doc.state.blocks.b as BlockState)
    expect(labels).toContain('Operation')
    expect(labels).not.toContain('Trigger Type')
    expect(labels).not.toContain('Setup Instructions')
  })
})

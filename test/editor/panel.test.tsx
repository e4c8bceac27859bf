import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { AgentPhoneBlock, isVisible } from '../../blocks/index.js'
import { BlockPanel } from '../../editor/src/components/BlockPanel.js'
import {
  addBlock,
  type BlockState,
  emptyWorkflow,
  setValue,
} from '../../editor/src/model/workflow.js'

/** The panel as rendered HTML: which fields show, how they are labelled, what is masked. */
function panelFor(values: Record<string, string>, advanced = false) {
  let doc = addBlock(emptyWorkflow('Test'), AgentPhoneBlock, { x: 0, y: 0 }, 'b').doc
  for (const [id, value] of Object.entries(values)) {
    doc = setValue(doc, 'b', id, 'short-input', value)
  }
  const block = { ...(doc.state.blocks.b as BlockState), advancedMode: advanced }
  const html = renderToStaticMarkup(
    <BlockPanel
      block={block}
      config={AgentPhoneBlock}
      references={[]}
      envNames={[]}
      problems={{ fields: { toNumberMessage: 'To Phone Number must be E.164' }, block: [] }}
      onChange={() => undefined}
      onRename={() => undefined}
      onAdvanced={() => undefined}
      onDelete={() => undefined}
    />
  )
  const labels = [...html.matchAll(/<label for="field-b-(\w+)"[^>]*>([^<]*)<\/label>/g)].map(
    ([, id, title]) => [id, title]
  )
  return { html, labels: Object.fromEntries(labels) as Record<string, string> }
}

describe('block panel', () => {
  it('shows only the selected operation’s fields, labelled by their subBlock titles', () => {
    const { labels } = panelFor({ operation: 'send_message' })
    const expected = AgentPhoneBlock.subBlocks.filter(
      (subBlock) =>
        subBlock.mode !== 'advanced' && isVisible(subBlock, { operation: 'send_message' })
    )
    expect(Object.keys(labels)).toEqual(expected.map((subBlock) => subBlock.id))
    expect(labels.operation).toBe('Operation')
    expect(labels.toNumberMessage).toBe('To Phone Number')
    expect(labels).not.toHaveProperty('callId')
  })

  it('masks the API key, marks required fields and shows a field’s problem next to it', () => {
    const { html } = panelFor({ operation: 'send_message', apiKey: 'sk_sandbox_demo' })
    expect(html).toMatch(
      /<input[^>]*type="password"[^>]*id="field-b-apiKey"|<input[^>]*id="field-b-apiKey"[^>]*type="password"/
    )
    expect(html).toContain('aria-label="Show API Key"')
    expect(html).toMatch(
      /id="field-b-toNumberMessage"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-b-toNumberMessage"/
    )
    expect(html).toContain('To Phone Number must be E.164')
    expect(html.match(/class="required"/g)?.length).toBeGreaterThanOrEqual(3)
  })
})

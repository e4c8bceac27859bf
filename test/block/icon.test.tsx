import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { AgentPhoneBlock, optionsOf } from '../../blocks/index.js'
import { AgentPhoneIcon } from '../../icons/index.js'

describe('AgentPhoneIcon', () => {
  it('renders an accessible svg in currentColor', () => {
    const markup = renderToStaticMarkup(<AgentPhoneIcon />)
    expect(markup).toMatch(/^<svg [^>]*viewBox="0 0 24 24"/)
    expect(markup).toMatch(/<\/svg>$/)
    expect(markup).toContain('role="img"')
    expect(markup).toContain('stroke="currentColor"')
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(markup)?.[1]
    expect(labelledBy).toBeTruthy()
    expect(markup).toContain(`<title id="${labelledBy}">AgentPhone</title>`)
  })

  it('passes SVG props through and takes another title', () => {
    const markup = renderToStaticMarkup(
      <AgentPhoneIcon className="h-5 w-5" width={20} aria-hidden title="Phone" />
    )
    expect(markup).toContain('class="h-5 w-5"')
    expect(markup).toContain('width="20"')
    expect(markup).toContain('aria-hidden="true"')
    expect(markup).toContain('>Phone</title>')
  })

  it('gives each copy on a page its own title id', () => {
    const markup = renderToStaticMarkup(
      <div>
        <AgentPhoneIcon />
        <AgentPhoneIcon />
      </div>
    )
    const ids = [...markup.matchAll(/<title id="([^"]+)"/g)].map((match) => match[1])
    expect(ids).toHaveLength(2)
    expect(ids[0]).not.toBe(ids[1])
  })

  it('is the block icon', () => {
    expect(AgentPhoneBlock.icon).toBe(AgentPhoneIcon)
  })
})

describe('operation icons', () => {
  it('render to svg for every option', () => {
    const operation = AgentPhoneBlock.subBlocks.find(({ id }) => id === 'operation')
    for (const { id, icon: Icon } of optionsOf(operation ?? { id: '', type: 'dropdown' })) {
      expect(Icon, id).toBeDefined()
      if (Icon) expect(renderToStaticMarkup(<Icon />), id).toMatch(/^<svg [\s\S]*<\/svg>$/)
    }
  })
})

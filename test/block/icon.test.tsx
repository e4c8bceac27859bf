import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { AgentPhoneBlock, OPERATIONS, optionsOf } from '../../blocks/index.js'
import { AgentPhoneIcon } from '../../icons/index.js'
import { OPERATION_ICONS } from '../../icons/operations.js'

describe('AgentPhoneIcon', () => {
  it('renders an svg in currentColor, named by its title', () => {
    const markup = renderToStaticMarkup(<AgentPhoneIcon />)
    expect(markup).toMatch(/^<svg [^>]*viewBox="0 0 24 24"/)
    expect(markup).toMatch(/<\/svg>$/)
    expect(markup).toContain('role="img"')
    expect(markup).toContain('stroke="currentColor"')
    expect(markup).toMatch(/^<svg [^>]*><title>AgentPhone<\/title>/)
  })

  it("passes SVG props through, overriding its own, as Sim's icons take them", () => {
    const markup = renderToStaticMarkup(
      <AgentPhoneIcon className="h-5 w-5" width={20} aria-hidden aria-label="Phone" />
    )
    expect(markup).toContain('class="h-5 w-5"')
    expect(markup).toContain('width="20"')
    expect(markup).not.toContain('width="1em"')
    expect(markup).toContain('aria-hidden="true"')
    expect(markup).toContain('aria-label="Phone"')
  })

  it('has no element ids, so copies on one page never collide', () => {
    const markup = renderToStaticMarkup(
      <div>
        <AgentPhoneIcon />
        <AgentPhoneIcon />
      </div>
    )
    expect(markup).not.toMatch(/\sid="/)
  })

  it('is the block icon', () => {
    expect(AgentPhoneBlock.icon).toBe(AgentPhoneIcon)
  })
})

describe('operation icons (this project’s editor only)', () => {
  it('render to svg for every option of the dropdown', () => {
    const operation = AgentPhoneBlock.subBlocks.find(({ id }) => id === 'operation')
    const ids = optionsOf(operation ?? { id: '', type: 'dropdown' }).map(({ id }) => id)
    expect(Object.keys(OPERATION_ICONS)).toEqual(ids)
    expect(ids).toEqual(OPERATIONS)
    for (const [id, Icon] of Object.entries(OPERATION_ICONS)) {
      expect(renderToStaticMarkup(<Icon />), id).toMatch(/^<svg [\s\S]*<\/svg>$/)
    }
  })

  it('are not options of the block itself, which Sim renders without them', () => {
    const operation = AgentPhoneBlock.subBlocks.find(({ id }) => id === 'operation')
    for (const option of optionsOf(operation ?? { id: '', type: 'dropdown' })) {
      expect(option).not.toHaveProperty('icon')
    }
  })
})

import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { compile } from '@mdx-js/mdx'
import { describe, expect, it } from 'vitest'
import { AgentPhoneBlock } from '../../blocks/index.js'
import { DOCS_PATH, expectedPage, firstDifference } from '../../scripts/generate-docs.js'
import {
  type DocsOutput,
  type DocsTool,
  escapeCell,
  escapeProse,
  extractIntro,
  INTRO_END,
  INTRO_START,
  renderDocs,
} from '../../scripts/render-docs.js'
import { agentphoneTools } from '../../tools/index.js'
import { triggerOutputSchema } from '../../triggers/output-schema.js'
import { TRIGGER_REGISTRY } from '../../triggers/registry.js'
import type { TriggerConfig } from '../../triggers/types.js'

const tools = agentphoneTools as Record<string, DocsTool>

const committed = readFileSync(DOCS_PATH, 'utf8')

/** Every output name, nested ones included, with the depth the page shows it at. */
function outputNames(outputs: Record<string, DocsOutput>, depth = 0): [string, number][] {
  return Object.entries(outputs).flatMap(([name, output]) => {
    const nested = output.items?.properties ?? output.properties
    return [[name, depth] as [string, number], ...(nested ? outputNames(nested, depth + 1) : [])]
  })
}

/** The page's section for one tool: from its heading to the next tool's heading. */
function sectionOf(page: string, heading: string): string {
  const start = page.indexOf(`### ${heading}\n`)
  const end = page.indexOf('\n### ', start + 1)
  return page.slice(start, end === -1 ? undefined : end)
}

describe('docs/agentphone.mdx', () => {
  it('is what the generator writes now (run `npm run docs` after changing a tool or the block)', () => {
    expect(firstDifference(committed, expectedPage(committed))).toBeUndefined()
  })

  it('is generated deterministically', () => {
    expect(expectedPage(committed)).toBe(expectedPage(committed))
    expect(Buffer.from(expectedPage(committed))).toEqual(Buffer.from(committed))
  })

  it('keeps the hand-written intro between the markers', () => {
    const intro = extractIntro(committed)
    expect(intro).toMatch(/^\[AgentPhone\]/)
    const edited = committed.replace(intro as string, 'A different intro, written by hand.')
    expect(expectedPage(edited)).toContain(
      `${INTRO_START}\nA different intro, written by hand.\n${INTRO_END}`
    )
  })

  it('refuses to regenerate a page whose intro markers are gone, rather than lose the intro', () => {
    const withoutMarkers = committed.replace(INTRO_START, '').replace(INTRO_END, '')
    expect(() => expectedPage(withoutMarkers)).toThrow('markers around its intro; put them back')
  })

  it("has Sim's unquoted frontmatter, info card and usage instructions, from the block", () => {
    expect(
      committed.startsWith(
        `---\ntitle: AgentPhone\ndescription: ${AgentPhoneBlock.description}\n---\n\n` +
          'import { BlockInfoCard } from "@/components/ui/block-info-card"\n\n' +
          `<BlockInfoCard \n  type="agentphone"\n  color="${AgentPhoneBlock.bgColor}"\n/>\n\n${INTRO_START}\n`
      )
    ).toBe(true)
    expect(committed).toContain(
      `${INTRO_END}\n\n\n## Usage Instructions\n\n${AgentPhoneBlock.longDescription}\n\n\n\n## Actions\n\n### `
    )
    // The actions, then Sim's Triggers section, as its generator appends it.
    expect(committed).toContain(
      ' |\n\n\n\n## Triggers\n\nA **Trigger** is a block that starts a workflow when an event happens in this service.\n\n### '
    )
    expect(committed.endsWith(' |\n\n')).toBe(true)
  })

  it('documents every tool in tools.access order under its name, with every parameter and output', () => {
    const actions = AgentPhoneBlock.tools.access.map((id) => tools[id] as DocsTool)
    expect(actions).toHaveLength(22)
    const actionsPart = committed.slice(0, committed.indexOf('\n## Triggers'))
    const headings = [...actionsPart.matchAll(/^### (.+)$/gm)].map((match) => match[1])
    expect(headings).toEqual(actions.map((tool) => tool.name))
    expect(committed).not.toMatch(/^Tool: /m)

    for (const tool of actions) {
      const section = sectionOf(committed, tool.name)
      expect(section).toContain(`\n\n${escapeProse(tool.description)}\n\n#### Input\n`)
      for (const [name, param] of Object.entries(tool.params)) {
        expect(section).toContain(
          `| \`${name}\` | ${param.type} | ${param.required ? 'Yes' : 'No'} | ${escapeCell(param.description ?? '')} |`
        )
      }
      for (const [name, depth] of outputNames(tool.outputs ?? {})) {
        const prefix = depth === 0 ? '| ' : `| ${'  '.repeat(depth)}↳ `
        expect(section).toContain(`${prefix}\`${name}\` |`)
      }
    }
  })

  it('documents each trigger, by name, with its configuration fields and every output', () => {
    const triggersPart = committed.slice(committed.indexOf('\n## Triggers'))
    const triggers = (AgentPhoneBlock.triggers?.available ?? []).map(
      (id) => TRIGGER_REGISTRY[id] as TriggerConfig
    )
    expect(triggers).toHaveLength(3)
    const headings = [...triggersPart.matchAll(/^### (.+)$/gm)].map((match) => match[1])
    expect(headings).toEqual(triggers.map((trigger) => trigger.name).sort())
    for (const trigger of triggers) {
      const section = sectionOf(triggersPart, trigger.name)
      expect(section).toContain(`\n\n${escapeProse(trigger.description)}\n\n#### Configuration\n`)
      expect(section).toContain(
        '| `triggerApiKey` | string | Yes | Required to register the webhook with AgentPhone. |'
      )
      expect(section).toContain('| `triggerAgentId` | string | No |')
      expect(section).not.toContain('webhookUrlDisplay')
      for (const [name, depth] of outputNames(triggerOutputSchema(trigger.outputs))) {
        const prefix = depth === 0 ? '| ' : `| ${'  '.repeat(depth)}↳ `
        expect(section).toContain(`${prefix}\`${name}\` |`)
      }
    }
  })

  it('compiles as MDX', async () => {
    await expect(compile(committed)).resolves.toBeDefined()
  })
})

describe('the generator', () => {
  const renderWith = (withTools: Record<string, DocsTool>) =>
    renderDocs({ block: AgentPhoneBlock, tools: withTools, intro: 'Intro.' })

  it('changes the page when a tool description changes, and the check names the line', () => {
    const edited = {
      ...tools,
      agentphone_get_contact: {
        ...(tools.agentphone_get_contact as DocsTool),
        description: 'Look a contact up',
      },
    }
    const before = renderWith(tools)
    const after = renderWith(edited)
    expect(after).not.toBe(before)
    const difference = firstDifference(before, after)
    expect(difference).toContain('committed: "Fetch a single contact by ID"')
    expect(difference).toContain('generated: "Look a contact up"')
  })

  it('escapes as Sim does, so the page stays valid MDX', async () => {
    const tool = tools.agentphone_get_usage as DocsTool
    const tricky = {
      ...tools,
      agentphone_get_usage: {
        ...tool,
        description: 'Usage {all} <now> (today) [x]',
        params: {
          ...tool.params,
          apiKey: { ...tool.params.apiKey, type: 'string', description: 'a | b {c} <d> (e) [f]' },
        },
        outputs: { ...tool.outputs, plan: { type: 'json', description: '{"name": "pro"} | <x>' } },
      },
    }
    const page = renderWith(tricky)
    expect(page).toContain('\nUsage \\{all\\} &lt;now&gt; (today) [x]\n')
    expect(page).toContain(
      '| `apiKey` | string | Yes | a \\| b \\{c\\} &lt;d&gt; \\(e\\) \\[f\\] |'
    )
    expect(page).toContain('| `plan` | json | \\{"name": "pro"\\} \\| &lt;x&gt; |')
    await expect(compile(page)).resolves.toBeDefined()
  })

  it('refuses a block whose tools.access names a tool it does not know', () => {
    const { agentphone_get_usage: _, ...withoutOne } = tools
    expect(() => renderWith(withoutOne)).toThrow('lists agentphone_get_usage, which is not a tool')
  })

  it('reports a missing line at the end of a shorter file', () => {
    expect(firstDifference('a\n', 'a\nb\n')).toBe('line 2:\n  committed: ""\n  generated: "b"')
    expect(firstDifference('same', 'same')).toBeUndefined()
  })
})

describe('npm run docs:check', () => {
  const run = promisify(execFile)
  const tsx = join(import.meta.dirname, '../../node_modules/.bin/tsx')
  const script = join(import.meta.dirname, '../../scripts/generate-docs.ts')

  it('passes on the committed page and fails, naming the line, on an edited copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentphone-docs-'))
    try {
      const copy = join(dir, 'agentphone.mdx')
      writeFileSync(copy, committed)
      await expect(run(tsx, [script, '--check', '--file', copy])).resolves.toBeDefined()

      writeFileSync(copy, committed.replace('Fetch a single contact by ID', 'Stale text'))
      const failure = await run(tsx, [script, '--check', '--file', copy]).catch((error) => error)
      expect(failure.code).toBe(1)
      expect(failure.stderr).toContain('is out of date (run npm run docs)')
      expect(failure.stderr).toContain('committed: "Stale text"')
      expect(failure.stderr).toContain('generated: "Fetch a single contact by ID"')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 30_000)
})

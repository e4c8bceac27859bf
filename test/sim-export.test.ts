/**
 * `npm run sim:export` writes the tree a Sim checkout needs, and that tree imports only what a
 * Sim checkout has.
 */
import { execFile } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AgentPhoneBlock } from '../blocks/index.js'
import { REGISTRY_LINES_FILE, SIM_EXPORTS } from '../scripts/sim-export.js'
import { importProblems, specifiersOf } from '../scripts/sim-imports.js'
import { agentphoneTools } from '../tools/index.js'

const root = join(import.meta.dirname, '..')
const run = promisify(execFile)

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}
const relativeFiles = (dir: string) =>
  filesUnder(dir)
    .map((path) => relative(dir, path).split(sep).join('/'))
    .sort()

describe('npm run sim:export -- --out DIR', () => {
  let out: string
  let stdout: string
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'agentphone-sim-'))
    ;({ stdout } = await run('npm', ['run', '-s', 'sim:export', '--', '--out', out], { cwd: root }))
  }, 60_000)
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('writes the tools, the block and its helper, the icon, the docs page, the triggers, the webhook provider and the registry lines', () => {
    const folder = (from: string, to: string) =>
      readdirSync(join(root, from))
        .filter((name) => !name.includes('.test.'))
        .map((name) => `${to}/${name}`)
    expect(relativeFiles(out)).toEqual(
      [
        ...folder('tools/agentphone', 'apps/sim/tools/agentphone'),
        'apps/sim/blocks/blocks/agentphone.ts',
        'apps/sim/blocks/agentphone-params.ts',
        'apps/sim/components/agentphone-icon.tsx',
        'apps/docs/content/docs/en/integrations/agentphone.mdx',
        ...folder('triggers/agentphone', 'apps/sim/triggers/agentphone'),
        'apps/sim/lib/webhooks/providers/agentphone.ts',
        'apps/sim/lib/webhooks/providers/agentphone-signature.ts',
        REGISTRY_LINES_FILE,
      ].sort()
    )
    expect(stdout).toContain(REGISTRY_LINES_FILE)
  })

  it('copies each file unchanged', () => {
    for (const { from, to } of SIM_EXPORTS) {
      const isFolder = statSync(join(root, from)).isDirectory()
      const pairs = isFolder
        ? relativeFiles(join(out, to)).map((name) => [join(from, name), join(to, name)])
        : [[from, to]]
      for (const [source, copy] of pairs) {
        expect(readFileSync(join(out, copy as string), 'utf8'), copy).toBe(
          readFileSync(join(root, source as string), 'utf8')
        )
      }
    }
  })

  it('imports only what a Sim checkout has', () => {
    expect(importProblems(out)).toEqual([])
    for (const file of filesUnder(out).filter((path) => /\.tsx?$/.test(path))) {
      for (const specifier of specifiersOf(readFileSync(file, 'utf8'))) {
        expect(specifier, file).not.toMatch(/\.(js|ts|tsx)$|^(ky|lucide-react|hono|nock)$|^\.\.\//)
      }
    }
  })

  it('names every tool of the block in the tool registry lines, under the name its module exports', async () => {
    const lines = readFileSync(join(out, REGISTRY_LINES_FILE), 'utf8')
    const toolModule = await import('../tools/agentphone/index.js')
    for (const id of AgentPhoneBlock.tools.access) {
      const [, name] = new RegExp(`^  ${id}: (\\w+),$`, 'm').exec(lines) ?? []
      expect(name, id).toBeDefined()
      expect(lines).toContain(`\n  ${name},\n`)
      expect((toolModule as Record<string, unknown>)[name as string]).toBe(agentphoneTools[id])
    }
    expect(lines).toContain("} from '@/tools/agentphone'\n")
  })

  it('gives the block registry, registry-maps and icon lines', () => {
    const lines = readFileSync(join(out, REGISTRY_LINES_FILE), 'utf8')
    expect(lines).toContain(
      "import { AgentPhoneBlock, AgentPhoneBlockMeta } from '@/blocks/blocks/agentphone'\n"
    )
    expect(lines).toContain('\n  agentphone: AgentPhoneBlock,\n')
    expect(lines).toContain('\n  agentphone: AgentPhoneBlockMeta,\n')
    expect(lines).toContain('## apps/sim/blocks/registry.ts')
    expect(lines).toContain("export { AgentPhoneIcon } from '@/components/agentphone-icon'\n")
  })

  it("gives the trigger registry and webhook provider registry lines, under the triggers' export names", async () => {
    const lines = readFileSync(join(out, REGISTRY_LINES_FILE), 'utf8')
    const triggerModule = (await import('../triggers/agentphone/index.js')) as Record<
      string,
      { id: string }
    >
    for (const id of AgentPhoneBlock.triggers?.available ?? []) {
      const [, name] = new RegExp(`^  ${id}: (\\w+),$`, 'm').exec(lines) ?? []
      expect(triggerModule[name as string]?.id, id).toBe(id)
      expect(lines).toContain(`\n  ${name},\n`)
    }
    expect(lines).toContain("} from '@/triggers/agentphone'\n")
    expect(lines).toContain(
      "import { agentphoneHandler } from '@/lib/webhooks/providers/agentphone'\n"
    )
    expect(lines).toContain('\n  agentphone: agentphoneHandler,\n')
  })

  it('asks for an output folder', async () => {
    const failure = await run('npx', ['tsx', 'scripts/sim-export.ts'], { cwd: root }).catch(
      (error) => error
    )
    expect(failure.code).toBe(2)
    expect(failure.stderr).toContain('usage: npm run sim:export -- --out DIR')
  }, 30_000)
})

describe('the Sim import check', () => {
  let tree: string
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(tree, path)), { recursive: true })
    writeFileSync(join(tree, path), text)
  }
  beforeAll(() => {
    tree = mkdtempSync(join(tmpdir(), 'agentphone-imports-'))
    write('apps/sim/tools/x/helper.ts', 'export const helper = 1\n')
    write(
      'apps/sim/tools/x/ok.ts',
      [
        "import { z } from 'zod'",
        "import type { ReactNode } from 'react'",
        "import type { ToolConfig } from '@/tools/types'",
        "import { helper } from '@/tools/x/helper'",
        "export { helper as again } from './helper'",
        // Quoted text after `from` inside code is not an import.
        "export const note = { text: \"a message from 'x'\", from: 'y' }",
        '',
      ].join('\n')
    )
  })
  afterAll(() => rmSync(tree, { recursive: true, force: true }))

  it('passes Sim aliases, files of the tree, zod and react', () => {
    expect(importProblems(tree)).toEqual([])
  })

  it.each([
    ["import { a } from './helper.js'", 'has a file extension'],
    ["import ky from 'ky'", 'imports the package "ky"'],
    ["import { Phone } from 'lucide-react'", 'imports the package "lucide-react"'],
    ["import { Hono } from 'hono'", 'imports the package "hono"'],
    ["import nock from 'nock'", 'imports the package "nock"'],
    ["import { x } from '../../blocks/types'", 'leaves its folder'],
    ["import { x } from './missing'", 'points at no file in the tree'],
    ["import { x } from '@/lib/not-in-sim'", 'neither in the exported tree nor a Sim module'],
    ["export * from '@/tools/x/nope'", 'neither in the exported tree nor a Sim module'],
    ["const m = await import('ky')", 'imports the package "ky"'],
  ])('refuses %s', (line, reason) => {
    write('apps/sim/tools/x/bad.ts', `${line}\n`)
    try {
      const problems = importProblems(tree)
      expect(problems).toHaveLength(1)
      expect(problems[0]).toContain('apps/sim/tools/x/bad.ts')
      expect(problems[0]).toContain(reason)
    } finally {
      rmSync(join(tree, 'apps/sim/tools/x/bad.ts'))
    }
  })
})

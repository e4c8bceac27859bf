/**
 * `npm run sim:export -- --out DIR` writes the files a Sim checkout needs, at the paths they take
 * there (so DIR can be copied over the checkout's root), plus `DIR/agentphone-registry-lines.txt`:
 * the lines to paste into Sim's registries. The exported files are copied as they are; they
 * import only Sim's aliases and packages, which the export checks before it writes anything.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AgentPhoneBlock } from '../blocks/agentphone'
import * as toolModule from '../tools/agentphone/index'
import * as triggerModule from '../triggers/agentphone/index'
import { importProblems } from './sim-imports'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * What goes where: a file, or a folder (its files, tests left out), from this repository to a
 * Sim checkout.
 */
export const SIM_EXPORTS: ReadonlyArray<{ from: string; to: string }> = [
  { from: 'tools/agentphone', to: 'apps/sim/tools/agentphone' },
  { from: 'blocks/agentphone.ts', to: 'apps/sim/blocks/blocks/agentphone.ts' },
  { from: 'blocks/agentphone-params.ts', to: 'apps/sim/blocks/agentphone-params.ts' },
  { from: 'icons/agentphone.tsx', to: 'apps/sim/components/agentphone-icon.tsx' },
  { from: 'docs/agentphone.mdx', to: 'apps/docs/content/docs/en/integrations/agentphone.mdx' },
  { from: 'triggers/agentphone', to: 'apps/sim/triggers/agentphone' },
  {
    from: 'lib/webhooks/providers/agentphone.ts',
    to: 'apps/sim/lib/webhooks/providers/agentphone.ts',
  },
  {
    from: 'lib/webhooks/providers/agentphone-signature.ts',
    to: 'apps/sim/lib/webhooks/providers/agentphone-signature.ts',
  },
]

export const REGISTRY_LINES_FILE = 'agentphone-registry-lines.txt'

/** The name `tools/agentphone/index.ts` exports each tool under, keyed by tool id. */
function toolExportNames(): Map<string, string> {
  const names = new Map<string, string>()
  for (const [name, value] of Object.entries(toolModule)) {
    const id = (value as { id?: unknown } | null)?.id
    if (/Tool$/.test(name) && typeof id === 'string') names.set(id, name)
  }
  return names
}

/** The registry lines, for the tools the block reaches (`tools.access`). */
export function registryLines(): string {
  const names = toolExportNames()
  const tools = AgentPhoneBlock.tools.access.map((id) => {
    const name = names.get(id)
    if (!name) throw new Error(`tools/agentphone/index.ts exports no tool with the id ${id}`)
    return { id, name }
  })
  const imported = [...tools].map(({ name }) => name).sort()
  return [
    '# Lines to add to a Sim checkout for the AgentPhone integration.',
    '# A checkout that already has an AgentPhone integration (Sim v0.8.9 does) has these lines;',
    '# the exported files replace its AgentPhone files in place, under the same names.',
    '',
    '## apps/sim/tools/registry.ts: with the other imports',
    'import {',
    ...imported.map((name) => `  ${name},`),
    "} from '@/tools/agentphone'",
    '',
    '## apps/sim/tools/registry.ts: in the `tools` map, in alphabetical order',
    ...tools.map(({ id, name }) => `  ${id}: ${name},`),
    '',
    '## apps/sim/blocks/registry-maps.ts: with the other imports',
    "import { AgentPhoneBlock, AgentPhoneBlockMeta } from '@/blocks/blocks/agentphone'",
    '',
    '## apps/sim/blocks/registry-maps.ts: in BLOCK_REGISTRY',
    `  ${AgentPhoneBlock.type}: AgentPhoneBlock,`,
    '',
    '## apps/sim/blocks/registry-maps.ts: in BLOCK_META_REGISTRY',
    `  ${AgentPhoneBlock.type}: AgentPhoneBlockMeta,`,
    '',
    '## apps/sim/blocks/registry.ts: nothing in Sim v0.8.9, which reads registry-maps.ts. In an',
    '## older checkout whose registry.ts holds the `registry` map itself, add there instead:',
    "import { AgentPhoneBlock } from '@/blocks/blocks/agentphone'",
    `  ${AgentPhoneBlock.type}: AgentPhoneBlock,`,
    '',
    '## apps/sim/components/icons.tsx: export the icon (replacing an existing AgentPhoneIcon)',
    "export { AgentPhoneIcon } from '@/components/agentphone-icon'",
    '',
    ...triggerRegistryLines(),
  ].join('\n')
}

/** The exported name of each trigger the block offers, keyed by trigger id. */
function triggerExportNames(): { id: string; name: string }[] {
  const names = new Map<string, string>()
  for (const [name, value] of Object.entries(triggerModule)) {
    const id = (value as { id?: unknown } | null)?.id
    if (/Trigger$/.test(name) && typeof id === 'string') names.set(id, name)
  }
  return (AgentPhoneBlock.triggers?.available ?? []).map((id) => {
    const name = names.get(id)
    if (!name) throw new Error(`triggers/agentphone/index.ts exports no trigger with the id ${id}`)
    return { id, name }
  })
}

/** The triggers' registry lines, and the webhook provider's. */
function triggerRegistryLines(): string[] {
  const triggers = triggerExportNames()
  if (triggers.length === 0) return []
  return [
    '## apps/sim/triggers/registry.ts: with the other imports',
    'import {',
    ...triggers
      .map(({ name }) => name)
      .sort()
      .map((name) => `  ${name},`),
    "} from '@/triggers/agentphone'",
    '',
    '## apps/sim/triggers/registry.ts: in TRIGGER_REGISTRY',
    ...triggers.map(({ id, name }) => `  ${id}: ${name},`),
    '',
    '## apps/sim/lib/webhooks/providers/registry.ts: with the other imports',
    "import { agentphoneHandler } from '@/lib/webhooks/providers/agentphone'",
    '',
    '## apps/sim/lib/webhooks/providers/registry.ts: in the handlers map',
    '  agentphone: agentphoneHandler,',
    '',
  ]
}

function copyEntry(from: string, to: string) {
  const source = join(ROOT, from)
  if (!statSync(source).isDirectory()) {
    mkdirSync(dirname(to), { recursive: true })
    cpSync(source, to)
    return
  }
  for (const name of readdirSync(source)) {
    if (/\.test\.tsx?$/.test(name)) continue
    copyEntry(join(from, name), join(to, name))
  }
}

/** Writes the export under `outDir`; refuses, writing nothing, if an import would not resolve. */
export function exportToSim(outDir: string): string[] {
  const staging = mkdtempSync(join(tmpdir(), 'agentphone-sim-export-'))
  try {
    for (const { from, to } of SIM_EXPORTS) copyEntry(from, join(staging, to))
    writeFileSync(join(staging, REGISTRY_LINES_FILE), registryLines())
    const problems = importProblems(staging)
    if (problems.length > 0) {
      throw new Error(`the export would not resolve in Sim:\n  ${problems.join('\n  ')}`)
    }
    mkdirSync(outDir, { recursive: true })
    cpSync(staging, outDir, { recursive: true })
    return [...SIM_EXPORTS.map(({ to }) => to), REGISTRY_LINES_FILE]
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

function main(argv: string[]) {
  const index = argv.indexOf('--out')
  const out = index === -1 ? undefined : argv[index + 1]
  if (!out) {
    console.error('usage: npm run sim:export -- --out DIR')
    process.exit(2)
  }
  try {
    const written = exportToSim(resolve(out))
    console.log(`wrote into ${out}:\n  ${written.join('\n  ')}`)
    console.log(`then paste the lines in ${join(out, REGISTRY_LINES_FILE)} into Sim's registries`)
  } catch (error) {
    console.error(`sim:export: ${(error as Error).message}`)
    process.exit(1)
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main(process.argv.slice(2))
}

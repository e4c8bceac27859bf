/**
 * Builds the editor into dist/editor when it is missing or stale. Staleness is judged by a hash of
 * everything the bundle is made from (the editor and the block, tool, icon, workflow and trigger
 * sources it imports, and the lockfile), kept next to the build.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
export const EDITOR_DIST = join(root, 'dist', 'editor')
const STAMP = join(EDITOR_DIST, '.source-hash')
const SOURCES = ['editor', 'blocks', 'tools', 'icons', 'workflow', 'triggers', 'package-lock.json']

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return []
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path)
    .sort()
    .flatMap((name) => (name === 'node_modules' ? [] : filesUnder(join(path, name))))
}

export function editorSourceHash(): string {
  const hash = createHash('sha256')
  for (const file of SOURCES.flatMap((source) => filesUnder(join(root, source)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex')
}

export function editorIsCurrent(): boolean {
  if (!existsSync(join(EDITOR_DIST, 'index.html')) || !existsSync(STAMP)) return false
  return readFileSync(STAMP, 'utf8').trim() === editorSourceHash()
}

/** Builds the editor unless the build is current; says which it did. */
export async function ensureEditorBuilt(
  options: { force?: boolean; log?: (line: string) => void } = {}
): Promise<'built' | 'current'> {
  if (!options.force && editorIsCurrent()) return 'current'
  options.log?.('Building the editor (dist/editor)…')
  const hash = editorSourceHash()
  const { build } = await import('vite')
  await build({ configFile: join(root, 'editor', 'vite.config.ts'), logLevel: 'warn' })
  writeFileSync(STAMP, `${hash}\n`)
  return 'built'
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await ensureEditorBuilt({ force: process.argv.includes('--force'), log: console.log })
  console.log(`Editor built into ${relative(process.cwd(), EDITOR_DIST) || EDITOR_DIST}`)
}

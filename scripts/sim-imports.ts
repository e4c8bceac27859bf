/**
 * Checks that a tree of files meant for a Sim checkout imports only what a Sim checkout has:
 * Sim's `@/` aliases pointing at a file in the tree itself or at one of the Sim modules listed
 * below, the packages `apps/sim` depends on, and relative paths that stay in the file's folder.
 * No file extensions: Sim's Turbopack build does not map `./x.js` to `x.ts`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, posix, relative, sep } from 'node:path'

/** Sim modules (checked in simstudioai/sim v0.8.9) that exported files may import. */
export const SIM_MODULES = new Set([
  '@/blocks/types',
  '@/tools/types',
  '@/components/icons',
  '@/triggers',
  '@/triggers/types',
  '@/lib/webhooks/providers/types',
  '@/lib/webhooks/provider-subscription-utils',
])

/**
 * Packages `apps/sim` depends on (at the versions this project pins), with the two Sim's webhook
 * providers all use: Next.js (`next/server`) and Sim's own logger.
 */
export const SIM_PACKAGES = new Set(['react', 'zod', 'next', '@sim/logger'])

/** `import … from 'x'`, `import 'x'`, `export … from 'x'` and `import('x')`. */
const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^;'"=]*?\bfrom\s*)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g

/** Every module specifier a source file imports or re-exports from. */
export function specifiersOf(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((match) => (match[1] ?? match[2]) as string)
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

/** Where `@/x` lands in a Sim checkout: `apps/sim/x`, as a `.ts`/`.tsx` file or folder index. */
function aliasTargets(specifier: string): string[] {
  const base = posix.join('apps/sim', specifier.slice('@/'.length))
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]
}

/** Why one specifier, imported by `file` (a path relative to the tree), would fail in Sim. */
function problemWith(specifier: string, file: string, root: string): string | undefined {
  if (/\.(m?js|cjs|jsx?|tsx?)$/.test(specifier)) {
    return `has a file extension; Sim's bundler resolves "${specifier.replace(/\.\w+$/, '')}"`
  }
  if (specifier.startsWith('.')) {
    const folder = posix.dirname(file)
    const target = posix.normalize(posix.join(folder, specifier))
    if (!target.startsWith(`${folder}/`)) {
      return 'leaves its folder; use a Sim alias (@/...) instead'
    }
    const candidates = [`${target}.ts`, `${target}.tsx`, `${target}/index.ts`]
    if (!candidates.some((candidate) => existsSync(join(root, candidate)))) {
      return 'points at no file in the tree'
    }
    return undefined
  }
  if (specifier.startsWith('@/')) {
    if (SIM_MODULES.has(specifier)) return undefined
    if (aliasTargets(specifier).some((target) => existsSync(join(root, target)))) return undefined
    return 'is neither in the exported tree nor a Sim module this project relies on'
  }
  const packageName = specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : (specifier.split('/')[0] as string)
  if (SIM_PACKAGES.has(packageName)) return undefined
  // Node's own modules: Sim's webhook providers run on the server.
  if (specifier.startsWith('node:')) return undefined
  return `imports the package "${packageName}", which apps/sim does not depend on`
}

/** Every import in the tree under `root` that a Sim checkout could not resolve, with the reason. */
export function importProblems(root: string): string[] {
  return sourceFiles(root).flatMap((path) => {
    const file = relative(root, path).split(sep).join('/')
    return specifiersOf(readFileSync(path, 'utf8')).flatMap((specifier) => {
      const problem = problemWith(specifier, file, root)
      return problem ? [`${file}: "${specifier}" ${problem}`] : []
    })
  })
}

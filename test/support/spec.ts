/**
 * The product spec and wire contract. Read from `../shared/` when it is beside the repository
 * (as in CI), else from the copies in `spec/`; `test/spec-copies.test.ts` keeps the two equal.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

export const repoRoot = path.resolve(import.meta.dirname, '../..')

export const SPECS = {
  seed: { shared: '../shared/seed/agentphone-in-sim.txt', copy: 'spec/agentphone-in-sim.txt' },
  contract: { shared: '../shared/agentphone-api.md', copy: 'spec/agentphone-api.md' },
} as const

export const sharedPath = (name: keyof typeof SPECS) => path.resolve(repoRoot, SPECS[name].shared)
export const copyPath = (name: keyof typeof SPECS) => path.resolve(repoRoot, SPECS[name].copy)

export function readSpec(name: keyof typeof SPECS): string {
  const shared = sharedPath(name)
  return readFileSync(existsSync(shared) ? shared : copyPath(name), 'utf8')
}

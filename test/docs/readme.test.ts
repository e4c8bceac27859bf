/** The README's code samples and commands are ones that run. */
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../sandbox/index.js'

const root = join(import.meta.dirname, '../..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const samples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '')
const run = promisify(execFile)

describe('README', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 })
  })
  afterAll(async () => {
    await sandbox.close()
  })

  it('has code samples', () => {
    expect(samples.length).toBeGreaterThanOrEqual(2)
  })

  it.each(samples.map((code, index) => [index, code]))(
    'sample %i runs against the sandbox and reports success',
    async (index, code) => {
      // Outside the repository, with the samples' `./` imports pointed back at it.
      const dir = mkdtempSync(join(tmpdir(), 'agentphone-readme-'))
      const file = join(dir, `sample-${index}.mts`)
      writeFileSync(file, (code as string).replaceAll("from './", `from '${root}/`))
      try {
        const { stdout } = await run(join(root, 'node_modules/.bin/tsx'), [file], {
          cwd: root,
          env: {
            ...process.env,
            AGENTPHONE_BASE_URL: sandbox.url,
            AGENTPHONE_API_KEY: `sk_sandbox_readme_${randomUUID()}`,
          },
        })
        expect(stdout.startsWith('true ')).toBe(true)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    30_000
  )

  it('names only npm scripts that exist', () => {
    const named = [
      ...readme.matchAll(/npm run (?:-s )?([\w:]+)/g),
      ...readme.matchAll(/npm (start|test)\b/g),
    ].map((match) => match[1] as string)
    expect(named).toEqual(
      expect.arrayContaining(['start', 'test', 'sandbox', 'docs', 'docs:check'])
    )
    for (const script of named) expect(packageJson.scripts).toHaveProperty([script])
  })

  it('gives CI the same test command it gives a newcomer', () => {
    const ci = readFileSync(join(root, '.ci/run'), 'utf8')
    expect(readme).toContain('npm test')
    expect(ci).toMatch(/^npm test$/m)
  })
})

/**
 * `npm run docs:screenshots`: the editor's screenshots in docs/images, taken in the same real
 * Chromium the browser tests use: the examples opened in the editor, run against the sandbox.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEMO_KEY } from '../sandbox/index.js'
import { startServer } from '../server/index.js'
import { launchBrowser } from '../test/support/browser.js'
import { ensureEditorBuilt } from './build-editor.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const images = join(root, 'docs', 'images')

async function put(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`PUT ${url}: HTTP ${response.status} ${await response.text()}`)
}

await ensureEditorBuilt({ log: console.log })
await mkdir(images, { recursive: true })
const workflowsDir = await mkdtemp(join(tmpdir(), 'editor-screenshots-'))
const server = await startServer({ port: 0, workflowsDir })
const browser = await launchBrowser()
try {
  await put(`${server.url}/api/env/AGENTPHONE_API_KEY`, { value: DEMO_KEY })
  const shots = [
    { example: 'text-customer', select: 'AgentPhone 2', file: 'editor-run.png' },
    { example: 'conversation-branch', select: 'Stage', file: 'editor-condition.png' },
  ]
  for (const shot of shots) {
    const doc = JSON.parse(await readFile(join(root, 'examples', `${shot.example}.json`), 'utf8'))
    await put(`${server.url}/api/workflows/${shot.example}`, doc)
    const page = await browser.newPage({ viewport: { width: 1600, height: 960 } })
    await page.goto(`${server.url}/#workflow=${shot.example}`)
    await page.getByRole('group', { name: shot.select, exact: true }).click()
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    const inputs = page.getByRole('dialog', { name: 'Run inputs' })
    if (await inputs.isVisible().catch(() => false)) {
      await inputs.getByRole('button', { name: 'Start run' }).click()
    }
    const results = page.getByRole('region', { name: 'Run results' })
    await results.getByText(/^Run (succeeded|failed)/).waitFor()
    const rows = results.getByRole('listitem')
    await rows
      .filter({ has: page.getByText(shot.select, { exact: true }) })
      .locator('summary', { hasText: 'Output' })
      .click()
    await page.mouse.move(0, 0)
    await page.screenshot({ path: join(images, shot.file) })
    console.log(`docs/images/${shot.file}: ${await results.locator('.run-summary').textContent()}`)
    await page.close()
  }
} finally {
  await browser.close()
  await server.close()
  await rm(workflowsDir, { recursive: true, force: true })
}

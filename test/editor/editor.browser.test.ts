/**
 * The editor in a real browser, against the workflow server and its embedded sandbox: each step
 * is checked on the page by role and label, and on the sandbox's own request log.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AgentPhoneBlock, isVisible } from '../../blocks/index.js'
import { ensureEditorBuilt } from '../../scripts/build-editor.js'
import { startServer } from '../../server/index.js'
import { launchBrowser } from '../support/browser.js'

const KEY = 'sk_sandbox_demo'
const RECIPIENT = '+14155550142'

let browser: Browser
let server: { url: string; close: () => Promise<void> }
let workflowsDir: string

interface LoggedRequest {
  method: string
  path: string
  status: number | null
}

async function sandbox<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${server.url}/agentphone${path}`, {
    ...init,
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
  })
  expect(response.ok, `${path}: HTTP ${response.status}`).toBe(true)
  return (response.status === 204 ? undefined : await response.json()) as T
}

const requestLog = async () => {
  const log = await sandbox<{ data: LoggedRequest[]; total: number }>('/sandbox/requests')
  expect(log.data).toHaveLength(log.total)
  return log.data
}
const messagesSent = async () =>
  (await requestLog()).filter(
    (request) => request.method === 'POST' && request.path === '/v1/messages'
  )

const textOf = async (locator: Locator) => (await locator.textContent())?.replace(/\s+/g, ' ') ?? ''

async function openEditor(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  page.setDefaultTimeout(30_000)
  await page.goto(server.url)
  await page.getByRole('list', { name: 'Blocks' }).waitFor()
  await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/#workflow=/)
  // The canvas renders once the workflow is loaded: only then can blocks be added.
  await page.locator('.react-flow__pane').waitFor()
  return page
}

const paletteItem = (page: Page, name: string) =>
  page.getByRole('list', { name: 'Blocks' }).getByRole('listitem', { name, exact: true })

beforeAll(async () => {
  await ensureEditorBuilt()
  workflowsDir = await mkdtemp(join(tmpdir(), 'editor-workflows-'))
  server = await startServer({ port: 0, workflowsDir })
  browser = await launchBrowser()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (workflowsDir) await rm(workflowsDir, { recursive: true, force: true })
})

describe('the editor in a browser', () => {
  it('builds, runs, reloads, exports and imports a workflow that texts a customer', async () => {
    // The agent that sends: looked up first, then the log is cleared so that it shows the editor only.
    const numbers = await sandbox<{ data: Array<{ agentId: string | null }> }>('/v1/numbers')
    const agentId = numbers.data.find((number) => number.agentId)?.agentId
    expect(agentId).toBeTruthy()
    await sandbox('/sandbox/requests', { method: 'DELETE' })

    // 1. An empty workflow; Start and AgentPhone dragged onto the canvas and connected.
    const page = await openEditor()
    expect(await page.locator('.react-flow__node').count()).toBe(0)
    const pane = page.locator('.react-flow__pane')
    await paletteItem(page, 'Start').dragTo(pane, { targetPosition: { x: 120, y: 160 } })
    await paletteItem(page, 'AgentPhone').dragTo(pane, { targetPosition: { x: 480, y: 160 } })
    await page.getByRole('group', { name: 'Start', exact: true }).waitFor()
    await page.getByRole('group', { name: 'AgentPhone 1', exact: true }).waitFor()
    await page.getByLabel('Start output').dragTo(page.getByLabel('AgentPhone 1 input'))
    // An edge is an SVG path, which Playwright never counts as visible: attached is what it can be.
    const edge = page.getByLabel('Connection from Start to AgentPhone 1')
    await edge.waitFor({ state: 'attached' })
    expect(await requestLog()).toEqual([])

    // Start gets a `phone` input.
    await page.getByRole('group', { name: 'Start', exact: true }).click()
    await page.getByRole('button', { name: 'Add input' }).click()
    await page.getByLabel('Input 1 name').fill('phone')

    // 2. "Send Message": only its fields show; the key is masked.
    await page.getByRole('group', { name: 'AgentPhone 1', exact: true }).click()
    const panel = page.getByRole('region', { name: 'AgentPhone 1 settings' })
    await panel.getByLabel('Operation', { exact: true }).selectOption({ label: 'Send Message' })
    const shown = AgentPhoneBlock.subBlocks
      .filter((subBlock) => subBlock.mode !== 'advanced')
      .filter((subBlock) => isVisible(subBlock, { operation: 'send_message' }))
      .map((subBlock) => subBlock.title)
    expect(await panel.locator('label.field-label').allTextContents()).toEqual([
      'Block name',
      ...shown,
    ])
    expect(shown).toEqual(['Operation', 'API Key', 'Agent ID', 'To Phone Number', 'Message'])
    const apiKey = panel.getByLabel('API Key', { exact: true })
    await apiKey.fill(KEY)
    expect(await apiKey.getAttribute('type')).toBe('password')
    await panel.getByRole('button', { name: 'Show API Key' }).click()
    expect(await apiKey.getAttribute('type')).toBe('text')
    await panel.getByRole('button', { name: 'Hide API Key' }).click()
    expect(await apiKey.getAttribute('type')).toBe('password')
    await panel.getByLabel('Agent ID', { exact: true }).fill(agentId as string)
    await panel.getByLabel('Message', { exact: true }).fill('Your order has shipped.')

    // 3. <start.phone> into the recipient, through the reference list.
    const recipient = panel.getByLabel('To Phone Number', { exact: true })
    await recipient.click()
    await recipient.press('<')
    const references = page.getByRole('listbox', { name: 'References for To Phone Number' })
    await references.getByRole('option', { name: 'start.phone', exact: true }).click()
    expect(await recipient.inputValue()).toBe('<start.phone>')
    const card = page.getByRole('group', { name: 'AgentPhone 1', exact: true })
    expect(await textOf(card)).toContain('Send Your order has shipped. to <start.phone>')
    expect(await textOf(card)).not.toContain(KEY)
    expect(await requestLog()).toEqual([])

    // 4. Run: success on the page, exactly one message to that number in the sandbox.
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    const inputs = page.getByRole('dialog', { name: 'Run inputs' })
    await inputs.getByLabel('phone').fill(RECIPIENT)
    await inputs.getByRole('button', { name: 'Start run' }).click()
    const results = page.getByRole('region', { name: 'Run results' })
    await results.getByText('Run succeeded').waitFor()
    const rows = results.getByRole('listitem')
    await expect
      .poll(() => rows.allTextContents(), { timeout: 15_000 })
      .toEqual([
        expect.stringMatching(/^Start\s*success/),
        expect.stringMatching(/^AgentPhone 1\s*success/),
      ])
    await card.getByText('Succeeded').waitFor()
    expect(await textOf(results)).not.toContain(KEY)
    const sent = await messagesSent()
    expect(sent).toEqual([expect.objectContaining({ method: 'POST', status: 200 })])
    const output = await rows.nth(1).locator('details').first()
    await output.locator('summary').click()
    expect(JSON.parse((await output.locator('pre').textContent()) ?? '')).toMatchObject({
      toNumber: RECIPIENT,
    })

    // 5. A reload keeps the workflow.
    await page.reload()
    await page.getByRole('group', { name: 'AgentPhone 1', exact: true }).click()
    const reloaded = page.getByRole('region', { name: 'AgentPhone 1 settings' })
    expect(await reloaded.getByLabel('Operation', { exact: true }).inputValue()).toBe(
      'send_message'
    )
    expect(await reloaded.getByLabel('To Phone Number', { exact: true }).inputValue()).toBe(
      '<start.phone>'
    )
    await edge.waitFor({ state: 'attached' })

    // 6. Export, import into a new workflow: identical.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export' }).click(),
    ])
    const exported = JSON.parse(await readFile((await download.path()) as string, 'utf8'))
    const firstUrl = page.url()
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import' }).click(),
    ])
    await chooser.setFiles((await download.path()) as string)
    await expect.poll(() => page.url(), { timeout: 15_000 }).not.toBe(firstUrl)
    await page.getByRole('group', { name: 'AgentPhone 1', exact: true }).waitFor()
    const [again] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export' }).click(),
    ])
    const reexported = JSON.parse(await readFile((await again.path()) as string, 'utf8'))
    expect(reexported.state).toEqual(exported.state)
    expect(reexported.version).toBe(exported.version)
    expect(await messagesSent()).toHaveLength(1)
    await page.close()
  }, 180_000)

  it('flags a bad value in the panel and sends nothing when asked to run', async () => {
    await sandbox('/sandbox/requests', { method: 'DELETE' })
    const page = await openEditor()
    // Added from the keyboard this time.
    await paletteItem(page, 'AgentPhone').focus()
    await page.keyboard.press('Enter')
    const panel = page.getByRole('region', { name: 'AgentPhone 1 settings' })
    await panel.getByLabel('Operation', { exact: true }).selectOption({ label: 'Send Message' })
    await panel.getByLabel('API Key', { exact: true }).fill(KEY)
    await panel.getByLabel('Agent ID', { exact: true }).fill('agt_anything')
    await panel.getByLabel('Message', { exact: true }).fill('Hi')
    const recipient = panel.getByLabel('To Phone Number', { exact: true })
    await recipient.fill('415-555-0100')
    const error = panel.getByRole('alert')
    await error.waitFor()
    expect(await error.textContent()).toMatch(/^To Phone Number must be a phone number in E\.164/)
    expect(await recipient.getAttribute('aria-invalid')).toBe('true')

    await page.getByRole('button', { name: 'Run', exact: true }).click()
    const results = page.getByRole('region', { name: 'Run results' })
    await results
      .getByText(/Run refused: fix AgentPhone 1 first: To Phone Number must be/)
      .waitFor()
    expect(await requestLog()).toEqual([])
    await page.close()
  }, 120_000)
})

/**
 * A real Chromium for UI tests: the build that `@sparticuz/chromium` ships inside its npm package
 * (so `npm ci` brings it), or the one at `CHROME_PATH`.
 */
import chromium from '@sparticuz/chromium'
import { type Browser, chromium as playwright } from 'playwright-core'

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH ?? (await chromium.executablePath())
  return playwright.launch({
    executablePath,
    // Lambda's `--single-process` ends the whole browser when a page closes; tests open several.
    args: [
      ...chromium.args.filter((arg) => arg !== '--single-process'),
      '--hide-scrollbars',
      '--mute-audio',
    ],
    headless: true,
  })
}

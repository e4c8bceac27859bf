/**
 * A real Chromium for UI tests: the build that `@sparticuz/chromium` ships inside its npm package
 * (so `npm ci` brings it), or the one at `CHROME_PATH`.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import chromium, { inflate } from '@sparticuz/chromium'
import { type Browser, chromium as playwright } from 'playwright-core'

/**
 * The package also ships the shared libraries its build needs (NSS, NSPR, expat; unpacked only on
 * Amazon Linux by default). Using them keeps the browser from depending on what the machine has
 * installed; no `apt-get` needed.
 */
async function bundledLibraries(): Promise<string> {
  const packageMain = createRequire(import.meta.url).resolve('@sparticuz/chromium')
  const unpacked = await inflate(join(dirname(packageMain), '..', 'bin', 'al2023.tar.br'))
  return join(unpacked, 'lib')
}

export async function launchBrowser(): Promise<Browser> {
  const custom = process.env.CHROME_PATH
  const executablePath = custom ?? (await chromium.executablePath())
  const libraries = custom ? undefined : await bundledLibraries()
  const inherited = process.env.LD_LIBRARY_PATH
  return playwright.launch({
    executablePath,
    // Lambda's `--single-process` ends the whole browser when a page closes; tests open several.
    args: [
      ...chromium.args.filter((arg) => arg !== '--single-process'),
      '--hide-scrollbars',
      '--mute-audio',
    ],
    headless: true,
    ...(libraries && {
      env: {
        ...process.env,
        LD_LIBRARY_PATH: inherited ? `${libraries}:${inherited}` : libraries,
      },
    }),
  })
}

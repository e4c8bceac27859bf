/**
 * `npm run docs` writes docs/agentphone.mdx (Sim's integration-page format) from the block and
 * tool definitions;
 * `npm run docs:check` exits non-zero, naming the first difference, when the committed page is
 * not what the generator would write.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AgentPhoneBlock } from '../blocks/agentphone'
import { agentphoneTools } from '../tools/index'
import { DEFAULT_INTRO, extractIntro, INTRO_END, INTRO_START, renderDocs } from './render-docs'

export const DOCS_PATH = fileURLToPath(new URL('../docs/agentphone.mdx', import.meta.url))

/** The page to write or check: `--file PATH` overrides the committed one (used by the tests). */
function pagePath(argv: string[]): string {
  const index = argv.indexOf('--file')
  return index === -1 ? DOCS_PATH : (argv[index + 1] ?? DOCS_PATH)
}

/** The page the generator would write, keeping the committed page's hand-written intro. */
export function expectedPage(currentPage?: string): string {
  const intro = currentPage === undefined ? DEFAULT_INTRO : extractIntro(currentPage)
  if (intro === undefined) {
    // Regenerating would replace the hand-written intro with the placeholder: stop instead.
    throw new Error(
      `the page has no ${INTRO_START} … ${INTRO_END} markers around its intro; put them back`
    )
  }
  return renderDocs({ block: AgentPhoneBlock, tools: agentphoneTools, intro })
}

/** Describes the first line where two texts differ, or undefined when they are equal. */
export function firstDifference(actual: string, expected: string): string | undefined {
  if (actual === expected) return undefined
  const actualLines = actual.split('\n')
  const expectedLines = expected.split('\n')
  const index = expectedLines.findIndex((line, i) => line !== actualLines[i])
  const line = index === -1 ? expectedLines.length : index
  return [
    `line ${line + 1}:`,
    `  committed: ${JSON.stringify(actualLines[line] ?? '(end of file)')}`,
    `  generated: ${JSON.stringify(expectedLines[line] ?? '(end of file)')}`,
  ].join('\n')
}

function main(check: boolean, path: string) {
  const shown = relative(process.cwd(), path) || path
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined
  let expected: string
  try {
    expected = expectedPage(current)
  } catch (error) {
    console.error(`docs: ${shown}: ${(error as Error).message}`)
    process.exit(1)
  }
  if (!check) {
    writeFileSync(path, expected)
    console.log(`wrote ${shown}`)
    return
  }
  if (current === undefined) {
    console.error(`docs:check: ${shown} is missing; run npm run docs`)
    process.exit(1)
  }
  const difference = firstDifference(current, expected)
  if (difference) {
    console.error(`docs:check: ${shown} is out of date (run npm run docs)\n${difference}`)
    process.exit(1)
  }
  console.log(`docs:check: ${shown} is current`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.includes('--check'), pagePath(process.argv))
}

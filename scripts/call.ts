/**
 * Run one tool from a terminal: `npx tsx scripts/call.ts <operation> ['{"param":"value"}']`.
 * The key comes from the params or AGENTPHONE_API_KEY, the API from AGENTPHONE_BASE_URL.
 */
import { agentphoneTools, executeTool } from '../tools/index.js'

const [operation, json = '{}'] = process.argv.slice(2)
if (!operation) {
  console.error('Usage: npx tsx scripts/call.ts <operation> [JSON params]\nOperations:')
  for (const id of Object.keys(agentphoneTools))
    console.error(`  ${id.replace(/^agentphone_/, '')}`)
  process.exit(2)
}

function parseParams(text: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    console.error(`Params must be a JSON object: ${(error as Error).message}`)
    process.exit(2)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    console.error(`Params must be a JSON object, e.g. '{"limit": 5}'; got ${text}`)
    process.exit(2)
  }
  return parsed as Record<string, unknown>
}

const params = parseParams(json)

const toolId = operation.startsWith('agentphone_') ? operation : `agentphone_${operation}`
const apiKey = params.apiKey ?? process.env.AGENTPHONE_API_KEY
const result = await executeTool(toolId, { ...params, apiKey })
console.log(JSON.stringify(result, null, 2))
process.exitCode = result.success ? 0 : 1

/**
 * Running the block the way an editor does: check the shown required fields, pick the tool, map
 * the field values to its params, and call it. Like `executeTool`, it never throws, and a run
 * refused here sends nothing.
 */
import { type ExecuteOptions, executeTool, failure } from '../tools/execute.js'
import { apiKeyOf, describeError, snapshot } from '../tools/runtime/input.js'
import { redactor } from '../tools/runtime/redaction.js'
import type { ToolResponse } from '../tools/types.js'
import { AgentPhoneBlock, labelOf, operationOf } from './agentphone.js'
import { missingRequiredFields } from './conditions.js'
import type { BlockValues } from './types.js'

export async function runBlock(
  rawValues: BlockValues,
  options: ExecuteOptions = {}
): Promise<ToolResponse> {
  let scrub = redactor(undefined)
  let toolId: string
  let params: Record<string, unknown>
  try {
    const { values, problem } = snapshot(rawValues, 'field values')
    scrub = redactor(apiKeyOf(values))
    if (problem) {
      return scrub.value(failure(`The block values must be an object of field values: ${problem}`))
    }
    const block = AgentPhoneBlock
    const operation = operationOf(values)
    const missing = missingRequiredFields(block, values).map(({ id, title }) => title ?? id)
    if (missing.length > 0) {
      const fields = missing.length === 1 ? 'field' : 'fields'
      return failure(`Missing required ${fields} for ${labelOf(operation)}: ${missing.join(', ')}`)
    }
    toolId = block.tools.config.tool(values)
    params = block.tools.config.params(values)
  } catch (error) {
    return scrub.value(failure(describeError(error)))
  }
  return executeTool(toolId, params, options)
}

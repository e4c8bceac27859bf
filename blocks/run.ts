/**
 * Running the block the way an editor does: check the shown required fields, pick the tool, map
 * the field values to its params, and call it. Like `executeTool`, it never throws, and a run
 * refused here sends nothing.
 */
import { redact } from '../tools/agentphone/errors.js'
import { type ExecuteOptions, executeTool, failure } from '../tools/execute.js'
import type { ToolResponse } from '../tools/types.js'
import { AgentPhoneBlock, labelOf, operationOf } from './agentphone.js'
import { missingRequiredFields } from './conditions.js'
import type { BlockValues } from './types.js'

export async function runBlock(
  rawValues: BlockValues,
  options: ExecuteOptions = {}
): Promise<ToolResponse> {
  if (rawValues != null && (typeof rawValues !== 'object' || Array.isArray(rawValues))) {
    return failure('The block values must be an object of field values')
  }
  const values = rawValues ?? {}
  const block = AgentPhoneBlock
  let toolId: string
  let params: Record<string, unknown>
  try {
    const operation = operationOf(values)
    const missing = missingRequiredFields(block, values).map(({ id, title }) => title ?? id)
    if (missing.length > 0) {
      const fields = missing.length === 1 ? 'field' : 'fields'
      return failure(`Missing required ${fields} for ${labelOf(operation)}: ${missing.join(', ')}`)
    }
    toolId = block.tools.config.tool(values)
    params = block.tools.config.params(values)
  } catch (error) {
    const apiKey = typeof values.apiKey === 'string' ? values.apiKey.trim() : undefined
    return redact(failure(error instanceof Error ? error.message : String(error)), apiKey)
  }
  return executeTool(toolId, params, options)
}

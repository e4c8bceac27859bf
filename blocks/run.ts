/**
 * Running the block the way an editor does: check the shown required fields, pick the tool, map
 * the field values to its params, and call it. Like `executeTool`, it never throws, and a run
 * refused here sends nothing.
 */
import { AgentPhoneBlock } from '@/blocks/agentphone'
import { operationOf } from '@/blocks/agentphone-params'
import { missingRequiredFields, optionsOf } from '@/blocks/conditions'
import type { BlockValues } from '@/blocks/types'
import { type ExecuteOptions, executeTool, failure } from '@/tools/execute'
import { apiKeyOf, describeError, snapshot } from '@/tools/runtime/input'
import { redactor } from '@/tools/runtime/redaction'
import type { ToolResponse } from '@/tools/types'

/** The dropdown label of an operation, e.g. "Send Message". */
export function labelOf(operation: string): string {
  const dropdown = AgentPhoneBlock.subBlocks.find(({ id }) => id === 'operation')
  const option = dropdown && optionsOf(dropdown).find(({ id }) => id === operation)
  return option?.label ?? operation
}

/** The block's `tools.config`, which maps field values to a tool and its params. */
function toolMapping() {
  const config = AgentPhoneBlock.tools.config
  if (!config?.params) throw new Error('The AgentPhone block has no tool mapping')
  return { tool: config.tool, params: config.params }
}

/** The tool id the block runs for these values; throws a readable Error for a bad operation. */
export const toolIdOf = (values: BlockValues): string => toolMapping().tool(values)

/** The tool params for these values; throws an Error naming the field for a bad value. */
export const paramsOf = (values: BlockValues): Record<string, unknown> =>
  toolMapping().params(values)

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
    toolId = toolIdOf(values)
    params = paramsOf(values)
  } catch (error) {
    return scrub.value(failure(describeError(error)))
  }
  return executeTool(toolId, params, options)
}

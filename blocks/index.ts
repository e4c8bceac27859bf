export { AgentPhoneBlock, labelOf, operationOf, paramsOf, toolIdOf } from './agentphone.js'
export {
  type AgentPhoneOperation,
  FIELD_LOOKS,
  FIELDS_BY_OPERATION,
  fieldsOf,
  OPERATIONS,
} from './agentphone-fields.js'
export {
  conditionHolds,
  isRequired,
  isVisible,
  missingRequiredFields,
  optionsOf,
  visibleSubBlocks,
} from './conditions.js'
export { runBlock } from './run.js'
export * from './types.js'

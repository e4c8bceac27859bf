export { AgentPhoneBlock, AgentPhoneBlockMeta } from '@/blocks/agentphone'
export {
  type AgentPhoneOperation,
  FIELDS_BY_OPERATION,
  fieldsOf,
  isOperation,
  JSON_FIELDS,
  NUMBER_FIELDS,
  OPERATIONS,
  type OperationFieldId,
  operationOf,
  toolParamsOf,
} from '@/blocks/agentphone-params'
export {
  conditionHolds,
  isRequired,
  isTriggerField,
  isVisible,
  missingRequiredFields,
  optionsOf,
  visibleSubBlocks,
} from '@/blocks/conditions'
export { labelOf, paramsOf, runBlock, toolIdOf } from '@/blocks/run'
export * from '@/blocks/types'

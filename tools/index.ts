export * from '@/tools/agentphone'
export { DEFAULT_BASE_URL, resolveBaseUrl } from '@/tools/agentphone/request'
export {
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type ExecuteOptions,
  executeTool,
} from '@/tools/execute'
export { agentphoneTools } from '@/tools/registry'
export type * from '@/tools/types'

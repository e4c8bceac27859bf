export { DEFAULT_BASE_URL, resolveBaseUrl } from './agentphone/define.js'
export * from './agentphone/index.js'
export { DEFAULT_RETRIES, DEFAULT_TIMEOUT_MS, type ExecuteOptions, executeTool } from './execute.js'
export type * from './types.js'

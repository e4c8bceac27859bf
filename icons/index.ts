export { AgentPhoneIcon } from './agentphone'

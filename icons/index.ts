export { AgentPhoneIcon, type AgentPhoneIconProps } from './agentphone.js'

export { agentphoneCallEndedTrigger } from '@/triggers/agentphone/call_ended'
export { agentphoneMessageReceivedTrigger } from '@/triggers/agentphone/message_received'
export { agentphoneReactionReceivedTrigger } from '@/triggers/agentphone/reaction_received'

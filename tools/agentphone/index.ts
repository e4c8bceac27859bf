import type { AnyToolConfig } from '../types.js'
import { createCallTool } from './create_call.js'
import { createContactTool } from './create_contact.js'
import { createNumberTool } from './create_number.js'
import { deleteContactTool } from './delete_contact.js'
import { getCallTool } from './get_call.js'
import { getCallTranscriptTool } from './get_call_transcript.js'
import { getContactTool } from './get_contact.js'
import { getConversationTool } from './get_conversation.js'
import { getConversationMessagesTool } from './get_conversation_messages.js'
import { getNumberMessagesTool } from './get_number_messages.js'
import { getUsageTool } from './get_usage.js'
import { getUsageDailyTool } from './get_usage_daily.js'
import { getUsageMonthlyTool } from './get_usage_monthly.js'
import { listCallsTool } from './list_calls.js'
import { listContactsTool } from './list_contacts.js'
import { listConversationsTool } from './list_conversations.js'
import { listNumbersTool } from './list_numbers.js'
import { reactToMessageTool } from './react_to_message.js'
import { releaseNumberTool } from './release_number.js'
import { sendMessageTool } from './send_message.js'
import { updateContactTool } from './update_contact.js'
import { updateConversationTool } from './update_conversation.js'

export {
  createCallTool,
  createContactTool,
  createNumberTool,
  deleteContactTool,
  getCallTool,
  getCallTranscriptTool,
  getContactTool,
  getConversationMessagesTool,
  getConversationTool,
  getNumberMessagesTool,
  getUsageDailyTool,
  getUsageMonthlyTool,
  getUsageTool,
  listCallsTool,
  listContactsTool,
  listConversationsTool,
  listNumbersTool,
  reactToMessageTool,
  releaseNumberTool,
  sendMessageTool,
  updateContactTool,
  updateConversationTool,
}

/** In the editor's order: numbers, calls, conversations, messages, contacts, usage. */
const toolList = [
  createNumberTool,
  listNumbersTool,
  releaseNumberTool,
  getNumberMessagesTool,
  createCallTool,
  listCallsTool,
  getCallTool,
  getCallTranscriptTool,
  listConversationsTool,
  getConversationTool,
  updateConversationTool,
  getConversationMessagesTool,
  sendMessageTool,
  reactToMessageTool,
  createContactTool,
  listContactsTool,
  getContactTool,
  updateContactTool,
  deleteContactTool,
  getUsageTool,
  getUsageDailyTool,
  getUsageMonthlyTool,
] as const

export type AgentPhoneTool = (typeof toolList)[number]
export type AgentPhoneToolId = AgentPhoneTool['id']

/** All 22 tools keyed by id (`agentphone_<operation>`), in the editor's order. */
export const agentphoneTools: Record<string, AnyToolConfig> = Object.fromEntries(
  toolList.map((tool) => [tool.id, tool])
)

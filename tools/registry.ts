/**
 * The AgentPhone tools keyed by tool id, as Sim's `tools/registry.ts` keys them, in the editor's
 * order: numbers, calls, conversations, messages, contacts, usage.
 */
import {
  agentphoneCreateCallTool,
  agentphoneCreateContactTool,
  agentphoneCreateNumberTool,
  agentphoneDeleteContactTool,
  agentphoneGetCallTool,
  agentphoneGetCallTranscriptTool,
  agentphoneGetContactTool,
  agentphoneGetConversationMessagesTool,
  agentphoneGetConversationTool,
  agentphoneGetNumberMessagesTool,
  agentphoneGetUsageDailyTool,
  agentphoneGetUsageMonthlyTool,
  agentphoneGetUsageTool,
  agentphoneListCallsTool,
  agentphoneListContactsTool,
  agentphoneListConversationsTool,
  agentphoneListNumbersTool,
  agentphoneReactToMessageTool,
  agentphoneReleaseNumberTool,
  agentphoneSendMessageTool,
  agentphoneUpdateContactTool,
  agentphoneUpdateConversationTool,
} from '@/tools/agentphone'
import type { ToolConfig } from '@/tools/types'

export const agentphoneTools: Record<string, ToolConfig> = {
  agentphone_create_number: agentphoneCreateNumberTool,
  agentphone_list_numbers: agentphoneListNumbersTool,
  agentphone_release_number: agentphoneReleaseNumberTool,
  agentphone_get_number_messages: agentphoneGetNumberMessagesTool,
  agentphone_create_call: agentphoneCreateCallTool,
  agentphone_list_calls: agentphoneListCallsTool,
  agentphone_get_call: agentphoneGetCallTool,
  agentphone_get_call_transcript: agentphoneGetCallTranscriptTool,
  agentphone_list_conversations: agentphoneListConversationsTool,
  agentphone_get_conversation: agentphoneGetConversationTool,
  agentphone_update_conversation: agentphoneUpdateConversationTool,
  agentphone_get_conversation_messages: agentphoneGetConversationMessagesTool,
  agentphone_send_message: agentphoneSendMessageTool,
  agentphone_react_to_message: agentphoneReactToMessageTool,
  agentphone_create_contact: agentphoneCreateContactTool,
  agentphone_list_contacts: agentphoneListContactsTool,
  agentphone_get_contact: agentphoneGetContactTool,
  agentphone_update_contact: agentphoneUpdateContactTool,
  agentphone_delete_contact: agentphoneDeleteContactTool,
  agentphone_get_usage: agentphoneGetUsageTool,
  agentphone_get_usage_daily: agentphoneGetUsageDailyTool,
  agentphone_get_usage_monthly: agentphoneGetUsageMonthlyTool,
}

import type { SubBlockConfig } from '@/blocks/types'
import type { TriggerOutput } from '@/triggers/types'

/**
 * The AgentPhone event each trigger starts on. AgentPhone sends every event to the one webhook
 * registered for the account (or for an agent), so each trigger keeps only its own kind.
 */
export const AGENTPHONE_TRIGGER_EVENTS: Record<string, string> = {
  agentphone_message_received: 'agent.message',
  agentphone_call_ended: 'agent.call_ended',
  agentphone_reaction_received: 'agent.reaction',
}

export const agentphoneTriggerOptions = [
  { label: 'Message Received', id: 'agentphone_message_received' },
  { label: 'Call Ended', id: 'agentphone_call_ended' },
  { label: 'Reaction Received', id: 'agentphone_reaction_received' },
]

/**
 * Setup steps. The webhook is registered (and removed) through the AgentPhone API with the key
 * given above, so there is nothing to paste into AgentPhone by hand.
 */
export function agentphoneSetupInstructions(eventType: string): string {
  const instructions = [
    'Enter your AgentPhone <strong>API Key</strong> above. Find it in the <a href="https://agentphone.ai" target="_blank" rel="noopener noreferrer">AgentPhone dashboard</a>.',
    "Optionally enter an <strong>Agent ID</strong> to receive only that agent's events: the webhook is then registered on that agent, which takes priority over the account's webhook. Leave it empty to register the account's webhook.",
    `Save the trigger: the <strong>Webhook URL</strong> above is registered with AgentPhone automatically and this workflow runs on every <code>${eventType}</code> event.`,
    'Every delivery is signed (<code>X-Webhook-Signature</code>, <code>X-Webhook-Timestamp</code>) with the secret AgentPhone returns, and is refused if the signature or timestamp does not check out.',
    'An account (or an agent) has one webhook: saving this trigger replaces any webhook registered there before. Removing the trigger removes the webhook.',
  ]

  return instructions
    .map(
      (instruction, index) =>
        `<div class="mb-3"><strong>${index + 1}.</strong> ${instruction}</div>`
    )
    .join('')
}

/** The API key that registers the webhook, and the optional agent filter. */
export function buildAgentphoneExtraFields(triggerId: string): SubBlockConfig[] {
  return [
    {
      id: 'triggerApiKey',
      title: 'API Key',
      type: 'short-input',
      placeholder: 'Enter your AgentPhone API key',
      description: 'Required to register the webhook with AgentPhone.',
      password: true,
      paramVisibility: 'user-only',
      required: true,
      mode: 'trigger',
      condition: { field: 'selectedTriggerId', value: triggerId },
    },
    {
      id: 'triggerAgentId',
      title: 'Agent ID (Optional)',
      type: 'short-input',
      placeholder: 'Leave empty for every agent (e.g. agt_abc123)',
      description:
        "Only this agent's events start the workflow; the webhook is registered on the agent.",
      mode: 'trigger',
      condition: { field: 'selectedTriggerId', value: triggerId },
    },
  ]
}

/** Fields every AgentPhone event carries. */
function envelopeOutputs(event: string, channel: string): Record<string, TriggerOutput> {
  return {
    event: { type: 'string', description: `Event type (${event})` },
    channel: { type: 'string', description: `Channel the event happened on (${channel})` },
    timestamp: { type: 'string', description: 'ISO 8601 time the event happened' },
    agentId: { type: 'string', description: 'ID of the agent the event belongs to' },
  }
}

const contactOutput: TriggerOutput = {
  type: 'json',
  description:
    'The saved contact for the other party ({id, name, phoneNumber, email, notes}), or null',
}

export function buildMessageReceivedOutputs(): Record<string, TriggerOutput> {
  return {
    ...envelopeOutputs('agent.message', 'sms, mms or imessage'),
    data: {
      messageId: { type: 'string', description: 'ID of the inbound message' },
      conversationId: { type: 'string', description: 'ID of the conversation it belongs to' },
      numberId: { type: 'string', description: 'ID of the AgentPhone number that received it' },
      from: { type: 'string', description: 'Sender phone number (E.164)' },
      to: { type: 'string', description: 'Your AgentPhone number that received it (E.164)' },
      contact: contactOutput,
      message: { type: 'string', description: 'Message text' },
      mediaUrl: { type: 'string', description: 'First attachment URL, or null' },
      mediaUrls: { type: 'array', description: 'Every attachment URL' },
      direction: { type: 'string', description: 'Message direction (inbound)' },
      receivedAt: { type: 'string', description: 'ISO 8601 time the message was received' },
    },
    conversationState: {
      type: 'json',
      description: "The conversation's metadata (set with Update Conversation), or null",
    },
    recentHistory: {
      type: 'array',
      description:
        'Earlier messages of the conversation, oldest first ({id, direction, from, to, message, channel, mediaUrls, receivedAt})',
    },
  }
}

export function buildCallEndedOutputs(): Record<string, TriggerOutput> {
  return {
    ...envelopeOutputs('agent.call_ended', 'voice'),
    data: {
      callId: { type: 'string', description: 'ID of the call' },
      numberId: { type: 'string', description: 'ID of the AgentPhone number used' },
      from: { type: 'string', description: 'Caller phone number (E.164)' },
      to: { type: 'string', description: 'Called phone number (E.164)' },
      contact: contactOutput,
      direction: { type: 'string', description: 'Call direction (inbound or outbound)' },
      status: { type: 'string', description: 'Final call status (completed or failed)' },
      startedAt: { type: 'string', description: 'ISO 8601 time the call started' },
      endedAt: { type: 'string', description: 'ISO 8601 time the call ended' },
      durationSeconds: { type: 'number', description: 'Call length in seconds' },
      disconnectionReason: { type: 'string', description: 'Why the call ended' },
      transcript: {
        type: 'array',
        description: 'The whole conversation, in order ({role: user or agent, content, createdAt})',
      },
      summary: { type: 'string', description: 'Summary of the call, or null' },
      userSentiment: { type: 'string', description: "The other party's sentiment, or null" },
      callSuccessful: { type: 'boolean', description: 'Whether the call reached its goal' },
    },
  }
}

export function buildReactionReceivedOutputs(): Record<string, TriggerOutput> {
  return {
    ...envelopeOutputs('agent.reaction', 'imessage'),
    data: {
      conversationId: { type: 'string', description: 'ID of the conversation' },
      numberId: { type: 'string', description: 'ID of the AgentPhone number' },
      reactionType: {
        type: 'string',
        description: 'The tapback (love, like, dislike, laugh, emphasize, question)',
      },
      fromNumber: { type: 'string', description: 'Phone number of whoever reacted (E.164)' },
      direction: { type: 'string', description: 'Reaction direction (inbound)' },
      messageId: { type: 'string', description: 'ID of the message reacted to' },
      messageBody: { type: 'string', description: 'Text of the message reacted to' },
      messageMediaUrl: { type: 'string', description: 'First attachment of that message, or null' },
      messageMediaUrls: { type: 'array', description: 'Every attachment of that message' },
      createdAt: { type: 'string', description: 'ISO 8601 time of the reaction' },
    },
  }
}

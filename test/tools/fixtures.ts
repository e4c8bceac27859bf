/**
 * Answers shaped like the real AgentPhone API's (../shared/agentphone-api.md), including fields
 * the tools do not output, so the tests show those are dropped.
 */

export const apiNumber = {
  id: 'num_8f2k3j9q',
  phoneNumber: '+14155550123',
  country: 'US',
  status: 'active',
  type: 'sms',
  agentId: 'agt_7hx2m4',
  createdAt: '2026-01-15T10:00:00Z',
  // Not among the outputs:
  provider: 'twilio',
  capabilities: { sms: true, voice: true },
}

export const numberOutput = {
  id: 'num_8f2k3j9q',
  phoneNumber: '+14155550123',
  country: 'US',
  status: 'active',
  type: 'sms',
  agentId: 'agt_7hx2m4',
  createdAt: '2026-01-15T10:00:00Z',
}

/** A message as conversations return it: media only in `mediaUrls`, `mediaUrl` null. */
export const apiMessageWithMedia = {
  id: 'msg_01HQ3',
  body: 'Here is the photo',
  fromNumber: '+14155559876',
  toNumber: '+14155550123',
  direction: 'inbound',
  channel: 'mms',
  mediaUrl: null,
  mediaUrls: ['https://cdn.agentphone.ai/media/photo.jpg', 'https://cdn.agentphone.ai/b.jpg'],
  receivedAt: '2026-01-31T09:15:00Z',
  senderIdentifier: null,
  reactions: [{ type: 'love', from: '+14155559876' }],
  replyTo: null,
}

export const messageWithMediaOutput = {
  id: 'msg_01HQ3',
  body: 'Here is the photo',
  fromNumber: '+14155559876',
  toNumber: '+14155550123',
  direction: 'inbound',
  channel: 'mms',
  mediaUrl: 'https://cdn.agentphone.ai/media/photo.jpg',
  mediaUrls: ['https://cdn.agentphone.ai/media/photo.jpg', 'https://cdn.agentphone.ai/b.jpg'],
  receivedAt: '2026-01-31T09:15:00Z',
}

/** A plain SMS: no media at all, channel null. */
export const apiTextMessage = {
  id: 'msg_01HQ2',
  body: 'Your appointment is confirmed',
  fromNumber: '+14155550123',
  toNumber: '+14155559876',
  direction: 'outbound',
  channel: null,
  mediaUrl: null,
  mediaUrls: [],
  receivedAt: '2026-01-31T09:00:00Z',
  senderIdentifier: 'agent',
  reactions: [],
  replyTo: null,
}

export const textMessageOutput = {
  id: 'msg_01HQ2',
  body: 'Your appointment is confirmed',
  fromNumber: '+14155550123',
  toNumber: '+14155559876',
  direction: 'outbound',
  channel: null,
  mediaUrl: null,
  mediaUrls: [],
  receivedAt: '2026-01-31T09:00:00Z',
}

export const apiCall = {
  id: 'call_9zq1',
  agentId: 'agt_7hx2m4',
  phoneNumberId: 'num_8f2k3j9q',
  phoneNumber: '+14155550123',
  fromNumber: '+14155550123',
  toNumber: '+14155559876',
  direction: 'outbound',
  status: 'completed',
  startedAt: '2026-01-31T10:00:00Z',
  endedAt: '2026-01-31T10:03:25Z',
  durationSeconds: 205,
  lastTranscriptSnippet: 'Thanks, goodbye!',
  recordingUrl: 'https://cdn.agentphone.ai/rec/call_9zq1.mp3',
  recordingAvailable: true,
  // Not among the outputs:
  cost: 0.12,
  webCallUrl: null,
}

export const callOutput = {
  id: 'call_9zq1',
  agentId: 'agt_7hx2m4',
  phoneNumberId: 'num_8f2k3j9q',
  phoneNumber: '+14155550123',
  fromNumber: '+14155550123',
  toNumber: '+14155559876',
  direction: 'outbound',
  status: 'completed',
  startedAt: '2026-01-31T10:00:00Z',
  endedAt: '2026-01-31T10:03:25Z',
  durationSeconds: 205,
  lastTranscriptSnippet: 'Thanks, goodbye!',
  recordingUrl: 'https://cdn.agentphone.ai/rec/call_9zq1.mp3',
  recordingAvailable: true,
}

/** A call still ringing: nullable fields null, optional ones absent. */
export const apiRingingCall = {
  id: 'call_9zq2',
  agentId: null,
  phoneNumberId: null,
  phoneNumber: null,
  fromNumber: '+14155559876',
  toNumber: '+14155550123',
  direction: 'inbound',
  status: 'in-progress',
  startedAt: '2026-01-31T11:00:00Z',
  endedAt: null,
  durationSeconds: null,
}

export const ringingCallOutput = {
  id: 'call_9zq2',
  agentId: null,
  phoneNumberId: null,
  phoneNumber: null,
  fromNumber: '+14155559876',
  toNumber: '+14155550123',
  direction: 'inbound',
  status: 'in-progress',
  startedAt: '2026-01-31T11:00:00Z',
  endedAt: null,
  durationSeconds: null,
  lastTranscriptSnippet: null,
  recordingUrl: null,
  recordingAvailable: null,
}

export const apiContact = {
  id: 'ct_5k2p',
  phoneNumber: '+14155559876',
  name: 'Jane Doe',
  email: 'jane@example.com',
  notes: 'Prefers texts after 5pm',
  createdAt: '2026-01-10T08:00:00Z',
  updatedAt: '2026-01-20T08:00:00Z',
  // Not among the outputs:
  accountId: 'acc_1',
}

export const contactOutput = {
  id: 'ct_5k2p',
  phoneNumber: '+14155559876',
  name: 'Jane Doe',
  email: 'jane@example.com',
  notes: 'Prefers texts after 5pm',
  createdAt: '2026-01-10T08:00:00Z',
  updatedAt: '2026-01-20T08:00:00Z',
}

export const apiConversationDetail = {
  id: 'conv_3mv8',
  agentId: 'agt_7hx2m4',
  phoneNumberId: 'num_8f2k3j9q',
  phoneNumber: '+14155550123',
  participant: '+14155559876',
  lastMessageAt: '2026-01-31T09:15:00Z',
  messageCount: 2,
  metadata: { stage: 'qualified', score: 8, tags: ['vip'] },
  createdAt: '2026-01-30T12:00:00Z',
  messages: [apiMessageWithMedia, apiTextMessage],
  // Not among the outputs:
  isGroup: false,
}

export const conversationDetailOutput = {
  id: 'conv_3mv8',
  agentId: 'agt_7hx2m4',
  phoneNumberId: 'num_8f2k3j9q',
  phoneNumber: '+14155550123',
  participant: '+14155559876',
  lastMessageAt: '2026-01-31T09:15:00Z',
  messageCount: 2,
  metadata: { stage: 'qualified', score: 8, tags: ['vip'] },
  createdAt: '2026-01-30T12:00:00Z',
  messages: [messageWithMediaOutput, textMessageOutput],
}

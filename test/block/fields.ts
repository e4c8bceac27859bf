/**
 * Shared by the block tests: a value for every field of the block (each one valid for its tool and
 * distinct, so a param can be traced back to the field that fed it). The fake API itself is the
 * one every test uses: test/support/nock-api.ts.
 */
import { AgentPhoneBlock } from '../../blocks/index.js'
import { API_KEY } from '../support/nock-api.js'

/** Not the default base URL, so a test sees that runBlock sends where it is told to. */
export const BASE_URL = 'https://api.agentphone.test'

/** Every field of every operation, filled, as an editor stores them: strings. */
export const ALL_FIELDS = {
  apiKey: API_KEY,
  country: 'CA',
  areaCode: '604',
  attachAgentId: 'agt_attach',
  numberId: 'num_target',
  callAgentId: 'agt_caller',
  toNumberCall: '+14155550101',
  fromNumberId: 'num_callerid',
  initialGreeting: 'Hello from Acme',
  voice: 'voice_ava',
  systemPrompt: 'You confirm appointments.',
  callId: 'call_42',
  waitForCompletion: true,
  waitTimeout: '45',
  callsStatus: 'completed',
  callsDirection: 'outbound',
  callsType: 'pstn',
  callsSearch: '+1415',
  conversationId: 'conv_7',
  messageLimit: '15',
  metadata: '{"stage": "qualified", "score": 3}',
  sendAgentId: 'agt_sender',
  toNumberMessage: '+14155550102',
  messageBody: 'Your order shipped',
  mediaUrl: 'https://example.com/label.png',
  sendNumberId: 'num_sender',
  messageId: 'msg_9',
  reaction: 'laugh',
  contactPhoneNumber: '+14155550103',
  contactName: 'Jane Doe',
  contactEmail: 'jane@example.com',
  contactNotes: 'Prefers texts',
  contactId: 'ct_5',
  contactsSearch: 'jane',
  limit: '25',
  offset: '50',
  messagesLimit: '30',
  before: '2026-02-01T00:00:00Z',
  after: '2026-01-01T00:00:00Z',
  usageDays: '14',
  usageMonths: '3',
} as const

/** The block's field with this id; throws when there is none. */
export function subBlockOf(id: string) {
  const found = AgentPhoneBlock.subBlocks.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no field ${id}`)
  return found
}

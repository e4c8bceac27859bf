/**
 * Calls: a placed call is stored as a plan (when it is answered, what is said when, how long it
 * lasts); its status and visible transcript are computed from the time elapsed since it was placed.
 */
import type { Agent, Call, CallStatus, Direction, PhoneNumber, TranscriptTurn } from './model.js'
import type { Random } from './random.js'

/** Ringing time before a call is answered (or fails). */
export const ANSWER_AFTER_MS = 2_000
/** Time between transcript turns. */
export const TURN_SPACING_MS = 3_000

export interface Exchange {
  /** What the other party says. */
  transcript: string
  /** What the agent answers. */
  response: string
}

const firstSentence = (text: string) => {
  const sentence = text.trim().split(/(?<=[.!?])\s/)[0] ?? ''
  return sentence.length > 160 ? `${sentence.slice(0, 157)}…` : sentence
}

/** "You are a scheduler for Acme." → "I'm a scheduler for Acme." */
function inFirstPerson(prompt: string): string {
  const sentence = firstSentence(prompt)
  if (/^you are\b/i.test(sentence)) return sentence.replace(/^you are\b/i, "I'm")
  if (/^you\b/i.test(sentence)) return sentence.replace(/^you\b/i, 'I')
  return `I'm calling about this: ${sentence}`
}

/** The scripted outbound conversation: the greeting first, then the purpose from the prompt. */
export function outboundScript(
  agent: Agent,
  initialGreeting: string | undefined,
  systemPrompt: string | undefined
): Exchange[] {
  const greeting =
    initialGreeting ?? agent.beginMessage ?? `Hi, this is ${agent.name}. Do you have a minute?`
  const prompt = systemPrompt ?? agent.systemPrompt
  return [
    { transcript: 'Hello?', response: greeting },
    {
      transcript: 'Sure. Who is this, and what is it about?',
      response: prompt
        ? inFirstPerson(prompt)
        : `I'm an AI assistant following up on your recent request with ${agent.name}.`,
    },
    {
      transcript: 'Okay, that works for me. Thanks!',
      response: 'Thank you for your time. Goodbye!',
    },
  ]
}

export interface CallPlan {
  agent: Agent
  number: PhoneNumber
  /** The other party. */
  participant: string
  direction: Direction
  placedAt: number
  script: Exchange[]
  voice?: string | undefined
  outcome?: Call['outcome']
}

export function planCall(rand: Random, plan: CallPlan): Call {
  const outbound = plan.direction === 'outbound'
  const failed = plan.outcome === 'failed'
  const turns: TranscriptTurn[] = failed
    ? []
    : plan.script.map((exchange, index) => ({
        id: rand.id('tr'),
        transcript: exchange.transcript,
        response: exchange.response,
        confidence: rand.int(86, 99) / 100,
        offsetMs: index * TURN_SPACING_MS,
      }))
  return {
    id: rand.id('call'),
    agentId: plan.agent.id,
    phoneNumberId: plan.number.id,
    phoneNumber: plan.number.phoneNumber,
    fromNumber: outbound ? plan.number.phoneNumber : plan.participant,
    toNumber: outbound ? plan.participant : plan.number.phoneNumber,
    direction: plan.direction,
    type: 'pstn',
    voice: plan.voice ?? plan.agent.voice,
    placedAt: plan.placedAt,
    answerAfterMs: ANSWER_AFTER_MS,
    outcome: failed ? 'failed' : 'completed',
    durationSeconds: failed ? 0 : (turns.length * TURN_SPACING_MS) / 1000 + 1,
    turns,
  }
}

export interface CallProgress {
  status: CallStatus
  endedAt: number | null
  durationSeconds: number | null
  /** The turns spoken so far, each with its time. */
  turns: (TranscriptTurn & { at: number })[]
}

/** queued → (failed | in-progress → completed), from the time elapsed since the call was placed. */
export function callProgress(call: Call, now: number): CallProgress {
  const answeredAt = call.placedAt + call.answerAfterMs
  if (now < answeredAt) return { status: 'queued', endedAt: null, durationSeconds: null, turns: [] }
  if (call.outcome === 'failed') {
    return { status: 'failed', endedAt: answeredAt, durationSeconds: 0, turns: [] }
  }
  const endedAt = answeredAt + call.durationSeconds * 1000
  const turns = call.turns
    .map((turn) => ({ ...turn, at: answeredAt + turn.offsetMs }))
    .filter((turn) => turn.at <= now)
  return now < endedAt
    ? {
        status: 'in-progress',
        endedAt: null,
        durationSeconds: Math.floor((now - answeredAt) / 1000),
        turns,
      }
    : { status: 'completed', endedAt, durationSeconds: call.durationSeconds, turns }
}

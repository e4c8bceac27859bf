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
  /** The line; none for a web call (the browser talks to the agent directly). */
  number: PhoneNumber | null
  /** The other party (`web` for a web call). */
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
  const line = plan.number?.phoneNumber ?? 'web'
  return {
    id: rand.id('call'),
    agentId: plan.agent.id,
    phoneNumberId: plan.number?.id ?? null,
    phoneNumber: plan.number?.phoneNumber ?? null,
    fromNumber: outbound ? line : plan.participant,
    toNumber: outbound ? plan.participant : line,
    direction: plan.direction,
    type: plan.number ? 'pstn' : 'web',
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

/** When the call reaches its final state: it fails on answer, ends as planned, or is hung up. */
export function callEndsAt(call: Call): number {
  const answeredAt = call.placedAt + call.answerAfterMs
  const planned = call.outcome === 'failed' ? answeredAt : answeredAt + call.durationSeconds * 1000
  return call.hungUpAt === undefined ? planned : Math.min(planned, call.hungUpAt)
}

export const FINAL_STATUSES: readonly CallStatus[] = ['completed', 'failed', 'canceled']

/**
 * queued → (failed | in-progress → completed), from the time elapsed since the call was placed;
 * a call hung up before it is answered is `canceled`, after that `completed` early.
 */
export function callProgress(call: Call, now: number): CallProgress {
  const answeredAt = call.placedAt + call.answerAfterMs
  const endedAt = callEndsAt(call)
  if (now < Math.min(answeredAt, endedAt)) {
    return { status: 'queued', endedAt: null, durationSeconds: null, turns: [] }
  }
  if (endedAt < answeredAt) {
    return { status: 'canceled', endedAt, durationSeconds: 0, turns: [] }
  }
  if (call.outcome === 'failed') {
    return { status: 'failed', endedAt: answeredAt, durationSeconds: 0, turns: [] }
  }
  const until = Math.min(now, endedAt)
  const turns = call.turns
    .map((turn) => ({ ...turn, at: answeredAt + turn.offsetMs }))
    .filter((turn) => turn.at <= until)
  const elapsedSeconds = Math.floor((until - answeredAt) / 1000)
  return now < endedAt
    ? { status: 'in-progress', endedAt: null, durationSeconds: elapsedSeconds, turns }
    : {
        status: 'completed',
        endedAt,
        durationSeconds: call.hungUpAt === undefined ? call.durationSeconds : elapsedSeconds,
        turns,
      }
}

/** A browser visitor talking to the agent: the agent greets, the visitor asks, the agent helps. */
export function webScript(agent: Agent, greeting: string | undefined): Exchange[] {
  return [
    {
      transcript: 'Hi, can you hear me?',
      response: greeting ?? `Yes! This is ${agent.name}. How can I help?`,
    },
    {
      transcript: 'I just wanted to try the web call.',
      response: 'It works! Anything else I can do for you?',
    },
    { transcript: "No, that's all. Thanks!", response: 'Thanks for stopping by. Goodbye!' },
  ]
}

/**
 * Holding a request until something happens on the sandbox's clock. The clock may be injected
 * (tests move it by hand), so waiting re-reads it at least every `POLL_MS` of real time instead
 * of trusting one timer; a client that hangs up ends the wait at once.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { callEndsAt } from './calls.js'
import { DroppedConnection } from './errors.js'
import type { Call } from './model.js'

/** How often, in real milliseconds, a waiting request looks at the clock again. */
export const POLL_MS = 100

export interface WaitOptions {
  clock: () => number
  /** Aborted when the client hangs up. */
  signal: AbortSignal
}

/** Sleeps `ms` real milliseconds; a client that gives up meanwhile is a dropped connection. */
export async function pause(ms: number, signal: AbortSignal) {
  try {
    await sleep(ms, undefined, { signal })
  } catch (error) {
    if (signal.aborted) throw new DroppedConnection('client')
    throw error
  }
}

/**
 * Waits until the clock reaches `deadline` or `done()` holds, whichever comes first, and returns
 * the clock's reading then.
 */
export async function waitUntil(
  deadline: number,
  done: (now: number) => boolean,
  { clock, signal }: WaitOptions
): Promise<number> {
  for (;;) {
    if (signal.aborted) throw new DroppedConnection('client')
    const now = clock()
    if (now >= deadline || done(now)) return now
    await pause(Math.min(deadline - now, POLL_MS), signal)
  }
}

/** The long-poll of `GET /v1/calls/{id}?wait=true`: until the call ends or the deadline passes. */
export const waitForCall = (call: Call, options: WaitOptions & { deadline: number }) =>
  waitUntil(options.deadline, (now) => now >= callEndsAt(call), options)

/**
 * Determinism: every account carries the state of a small seeded PRNG (mulberry32), so the same
 * key always gets the same seed, and the same sequence of requests the same IDs and numbers.
 */
import { createHash } from 'node:crypto'

/** A stable, non-reversible name for an API key: accounts are stored under it, never the key. */
export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex')

/** The first 32 bits of a hash, as a PRNG seed. */
export const seedFromHash = (hash: string) => Number.parseInt(hash.slice(0, 8), 16) >>> 0

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

export interface RandomSource {
  rngState: number
}

export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  /** `prefix_` and 16 base-36 characters, e.g. `msg_3k9x…`. */
  id(prefix: string): string
}

/** A PRNG whose state lives in (and advances) `source.rngState`, so it survives persistence. */
export function random(source: RandomSource): Random {
  const next = () => {
    source.rngState = (source.rngState + 0x6d2b79f5) >>> 0
    let t = source.rngState
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[int(0, items.length - 1)] as T
  }
  const id = (prefix: string) =>
    `${prefix}_${Array.from({ length: 16 }, () => ID_ALPHABET[int(0, 35)]).join('')}`
  return { next, int, pick, id }
}

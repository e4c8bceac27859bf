import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { copyPath, SPECS, sharedPath } from './support/spec.js'

describe('spec/ copies', () => {
  for (const name of Object.keys(SPECS) as (keyof typeof SPECS)[]) {
    it(`${name}: the copy equals ../shared wherever that folder is present (as in CI)`, () => {
      const copy = readFileSync(copyPath(name), 'utf8')
      expect(copy.length).toBeGreaterThan(5000)
      if (existsSync(sharedPath(name))) {
        expect(copy).toBe(readFileSync(sharedPath(name), 'utf8'))
      }
    })
  }
})

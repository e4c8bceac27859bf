import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  resolve: {
    // The Sim aliases the tsconfig `paths` declare, so exported files run here unchanged.
    alias: [
      { find: /^@\/components\/icons$/, replacement: here('./icons/agentphone.tsx') },
      { find: /^@\/(tools|blocks|triggers|lib)\//, replacement: `${here('./')}$1/` },
    ],
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 20_000,
  },
})

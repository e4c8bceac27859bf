import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  // Sim's import aliases, as in tsconfig.json `paths` (which tsc and tsx read).
  resolve: {
    alias: [
      { find: /^@\/tools\//, replacement: `${fromRoot('./tools')}/` },
      { find: /^@\/blocks\//, replacement: `${fromRoot('./blocks')}/` },
      { find: /^@\/components\/icons$/, replacement: fromRoot('./icons/index.ts') },
      { find: /^@\/triggers$/, replacement: fromRoot('./triggers/index.ts') },
      { find: /^@\/triggers\//, replacement: `${fromRoot('./triggers')}/` },
      { find: /^next\/server$/, replacement: fromRoot('./lib/sim/next-server.ts') },
      { find: /^@sim\/logger$/, replacement: fromRoot('./lib/sim/logger.ts') },
      { find: /^@\/lib\//, replacement: `${fromRoot('./lib')}/` },
    ],
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 20_000,
  },
})

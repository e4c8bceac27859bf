import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import testConfig from '../vitest.config.js'

const editorDir = fileURLToPath(new URL('.', import.meta.url))

/** The editor app, built into dist/editor, which the workflow server serves at `/`. */
export default defineConfig({
  root: editorDir,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  // Sim's `@/...` aliases, resolved as the tests resolve them.
  resolve: { alias: testConfig.resolve?.alias },
  build: {
    outDir: fileURLToPath(new URL('../dist/editor', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
})

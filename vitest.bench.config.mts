import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// `npm run bench`: figures printed side by side with their baselines; nothing here asserts a time.
export default defineConfig({
  // The same alias as tsconfig's paths and the renderer's build: tests import the contract as @shared/…
  resolve: { alias: { '@shared': fileURLToPath(new URL('./electron/shared', import.meta.url)) } },
  test: {
    include: ['tests/bench/**/*.bench-run.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 300_000,
    reporters: ['verbose'],
    silent: false,
  },
})

import { defineConfig } from 'vitest/config'

// `npm run bench`: figures printed side by side with their baselines; nothing here asserts a time.
export default defineConfig({
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

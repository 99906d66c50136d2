// Types for scripts/fetch-electron.mjs, so tests/scripts/start.test.ts is type-checked against it.
import type { FetchFailure, Progress } from './start-lib.mjs'

export declare function downloadElectron(options: {
  electronDir: string
  env?: NodeJS.ProcessEnv
  stallMs?: number
  onProgress?: (progress: Progress & { percent: number }) => void
}): Promise<string>

export declare function fetchElectron(options: {
  electronDir: string
  env?: NodeJS.ProcessEnv
  isTTY?: boolean
  write?: (s: string) => void
}): Promise<{ ok: true; binary: string } | { ok: false; failure: FetchFailure }>

// Types for scripts/start-lib.mjs, so tests/scripts/start.test.ts is type-checked against it.
export declare const FETCH_FLAG: '--fetch-electron'
export declare const FETCH_ENV: 'EVIDENT_FETCH_ELECTRON'
export declare const STALL_ENV: 'EVIDENT_FETCH_STALL_MS'
export declare const DEFAULT_STALL_MS: number
export declare const RETRY_AFTER_MS: number
export declare const RETRY_HINT: string

export type FetchFailureKind = 'no-network' | 'refused' | 'timed-out' | 'unsupported' | 'failed'
export interface FetchFailure {
  kind: FetchFailureKind
  reason: string
}
export interface FailureMarker {
  at: number
  reason: string
}
export interface Progress {
  transferred: number
  total: number | null
}

export declare function installedElectronBinary(electronDir: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | null
export declare function stallLimitMs(env?: NodeJS.ProcessEnv): number
export declare function unsupportedPlatform(platform?: string, arch?: string): string | null
export declare function decideFetch(options: {
  args?: string[]
  env?: NodeJS.ProcessEnv
  platform?: string
  arch?: string
  installer?: boolean
  lastFailure?: FailureMarker | null
  now?: number
}): { fetch: true } | { fetch: false; reason: string }
export declare function parseFailureMarker(text: string, mtimeMs: number): FailureMarker
export declare function classifyFetchFailure(error: unknown, options?: { host?: string; stallMs?: number }): FetchFailure
export declare function browserModeLine(reason: string): string
export declare function downloadHost(env?: NodeJS.ProcessEnv): string
export declare function formatProgress(label: string, transferred: number, total: number | null): string
export declare function createProgressReporter(options: {
  label: string
  isTTY: boolean
  write: (s: string) => void
  now?: () => number
  intervalMs?: number
}): { update(progress: Progress): void; done(): void }
export declare function shouldOpenBrowser(platform?: string, env?: NodeJS.ProcessEnv): boolean
export declare function openCommand(url: string, platform?: string): { command: string; args: string[]; verbatim: boolean }
export declare function browserModeAddress(text: string): string | null

// Types for scripts/verify-fuses.mjs, which electron-builder loads as plain JavaScript.
import type { FuseConfig, FuseState } from '@electron/fuses'

export type FuseWire = Record<number, FuseState>
export type ElectronFuses = Record<string, unknown>

export interface PackContext {
  appOutDir: string
  electronPlatformName: string
  packager: { config: { electronFuses?: ElectronFuses | null }; appInfo: { productFilename: string }; executableName: string }
}

export interface VerifyDeps {
  flip?: (binary: string, config: FuseConfig) => Promise<unknown>
  read?: (binary: string) => Promise<FuseConfig<FuseState>>
  log?: (line: string) => void
}

export function fuseNames(): string[]
export function builderKeyFor(fuseName: string): string
export function expectedFuseWire(electronFuses: ElectronFuses | null | undefined): FuseWire
export function fuseWireDifferences(expected: FuseWire, actual: Record<string, unknown>): string[]
export function electronBinaryPath(context: PackContext): string
export function verifyPackedFuses(context: PackContext, deps?: VerifyDeps): Promise<void>
export default function afterPack(context: PackContext): Promise<void>

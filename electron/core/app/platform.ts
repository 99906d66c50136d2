import type { ParsedArgs } from '../../shared/contract/index'

/**
 * What only a door with native pickers can do (Electron's dialogs in main). The paths they give stay in main
 * and core: files.pickForReading / files.pickForWriting hand the window handles for them. null: this door
 * has no picker of its own (browser mode's page chooses files itself, and what it writes is a download).
 */
export interface PlatformHooks {
  /** The files chosen; [] when the analyst cancelled. */
  pickOpenPaths(args: ParsedArgs<'files.pickForReading'>): Promise<string[] | null>
  /** The place chosen (the picker has asked before replacing a file there); path null when cancelled. */
  pickSavePath(args: ParsedArgs<'files.pickForWriting'>): Promise<{ path: string | null } | null>
}

export const noNativeDialogs: PlatformHooks = {
  pickOpenPaths: async () => null,
  pickSavePath: async () => null,
}

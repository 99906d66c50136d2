import type { ParsedArgs } from '../../shared/contract/index'
import type { PickPathResult } from '../../shared/dto/project'

/** What only a door with native dialogs can do. Browser mode and the CLI leave these out. */
export interface PlatformHooks {
  pickOpenPaths(args: ParsedArgs<'platform.pickOpenPaths'>): Promise<PickPathResult>
  pickSavePath(args: ParsedArgs<'platform.pickSavePath'>): Promise<PickPathResult>
}

export const noNativeDialogs: PlatformHooks = {
  pickOpenPaths: async () => ({ supported: false, paths: [] }),
  pickSavePath: async () => ({ supported: false, paths: [] }),
}

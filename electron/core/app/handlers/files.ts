import { basename } from 'node:path'
import type { Handlers } from '../../../shared/contract/index'
import { AppError } from '../../errors'
import type { CoreContext } from '../context'

type FileHandlers = Pick<Handlers, 'files.pickForReading' | 'files.pickForWriting'>

export function fileHandlers(ctx: CoreContext): FileHandlers {
  return {
    'files.pickForReading': async (args) => {
      const paths = await ctx.platform.pickOpenPaths(args)
      // Browser mode's page picks and uploads files itself (renderer/src/api/http-files.ts): it never asks here.
      if (paths === null) throw new AppError('INVALID_INPUT', 'This door has no file picker: the page uploads the files it chooses.')
      return { files: paths.map((path) => ctx.files.forReading(path)) }
    },
    'files.pickForWriting': async (args) => {
      const chosen = await ctx.platform.pickSavePath(args)
      // No native picker (browser mode): the file is written where only this core can reach it, then downloaded.
      if (chosen === null) return { file: ctx.files.forWriting({ path: ctx.files.transferPath(args.suggestedName), name: args.suggestedName, overwrite: false, download: true }) }
      if (chosen.path === null) return { file: null }
      // The system's save dialog has asked before it let the analyst pick a file that is already there.
      return { file: ctx.files.forWriting({ path: chosen.path, name: basename(chosen.path), overwrite: true }) }
    },
  }
}


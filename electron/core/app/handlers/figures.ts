import { open } from 'node:fs/promises'
import type { Handlers } from '../../../shared/contract/index'
import { MAX_FIGURE_BYTES } from '../../../shared/limits'
import { FigureRepository } from '../../briefs/figures'
import { figureTooLarge } from '../../briefs/figure-image'
import { checkPicture } from '../../briefs/figure-picture'
import { AppError } from '../../errors'
import type { CoreContext } from '../context'

type FigureHandlers = Pick<Handlers, 'figures.add' | 'figures.get'>

/** Reads no more than the cap: a 40 MB file is refused by its size on disk, before any of it is read. */
async function readCapped(path: string, name: string): Promise<Uint8Array> {
  let file
  try {
    file = await open(path, 'r')
  } catch {
    throw new AppError('NOT_FOUND', `“${name}” could not be read: is it still there? Choose it again.`)
  }
  try {
    const stats = await file.stat()
    if (!stats.isFile()) throw new AppError('INVALID_INPUT', `“${name}” is not a file: choose a PNG, JPEG or SVG picture.`)
    const size = stats.size
    if (size > MAX_FIGURE_BYTES) throw figureTooLarge(name, size)
    const bytes = new Uint8Array(size)
    const { bytesRead } = await file.read(bytes, 0, bytes.length, 0)
    return bytes.subarray(0, bytesRead)
  } finally {
    await file.close()
  }
}

export function figureHandlers(ctx: CoreContext): FigureHandlers {
  const figures = () => new FigureRepository(ctx.session().db)
  return {
    'figures.add': async ({ file }) => {
      const session = ctx.session()
      session.assertWritable()
      const chosen = ctx.files.read(file)
      const bytes = await readCapped(chosen.path, chosen.name)
      const picture = await checkPicture(chosen.name, bytes, (job) => ctx.parser.rasterise(job))
      // The session may have changed while a reader drew it: store in the project that is open now, if writable.
      ctx.session().assertWritable()
      return figures().add(chosen.name, picture)
    },
    'figures.get': async ({ id }) => figures().get(id),
  }
}

import { AppError } from '../../errors'

/** A process that ends before it is ready is not the file's fault: the reader itself is missing or broken. */
export function couldNotStart(stderr: string): AppError {
  const said = stderr.trim().split('\n').at(-1)?.slice(0, 300)
  return new AppError(
    'INTERNAL',
    `Evident’s document reader could not start${said ? ` (${said})` : ''}. Rebuild Evident (npm run build) or reinstall it.`,
  )
}

export function cancelled(fileName: string): AppError {
  return new AppError('CANCELLED', `The import of “${fileName}” was cancelled.`)
}

import { isAbsolute, resolve } from 'node:path'
import type { App } from 'electron'
import { PROJECT_EXTENSION } from '../shared/limits'

/** The project a launch asks for: the last non-flag argument ending in .evident (double-click, `evident x.evident`). */
export function projectPathFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i]
    if (!arg || arg.startsWith('-')) continue
    if (arg.toLowerCase().endsWith(PROJECT_EXTENSION)) return isAbsolute(arg) ? arg : resolve(cwd, arg)
  }
  return null
}

export interface OpenRequests {
  /** The project this launch was asked to open, if any (argv, or a macOS open-file that came before ready). */
  initialPath(): string | null
  /**
   * Later requests: a second launch (path, or null to just bring the window forward) or a macOS open-file.
   * Requests that arrive before listen() is called are held and delivered then.
   */
  listen(onRequest: (path: string | null) => void): void
}

type AppLike = Pick<App, 'requestSingleInstanceLock' | 'on'>

/** Returns null when another Evident already runs: it has been told (second-instance) and this one should quit. */
export function claimSingleInstance(app: AppLike, argv: readonly string[], cwd: string): OpenRequests | null {
  if (!app.requestSingleInstanceLock()) return null

  let initial = projectPathFromArgv(argv, cwd)
  let initialTaken = false
  let listener: ((path: string | null) => void) | null = null
  const held: (string | null)[] = []
  const deliver = (path: string | null): void => {
    if (listener) listener(path)
    else held.push(path)
  }

  app.on('second-instance', (_event, secondArgv, workingDirectory) => deliver(projectPathFromArgv(secondArgv, workingDirectory)))
  app.on('open-file', (event, path) => {
    event.preventDefault()
    if (!path.toLowerCase().endsWith(PROJECT_EXTENSION)) return
    // macOS sends the double-clicked file this way even on a cold start, before the window exists.
    if (!initialTaken && initial === null) initial = path
    else deliver(path)
  })

  return {
    initialPath: () => {
      initialTaken = true
      return initial
    },
    listen(onRequest) {
      listener = onRequest
      for (const path of held.splice(0)) onRequest(path)
    },
  }
}

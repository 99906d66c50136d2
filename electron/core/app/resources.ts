import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/**
 * The first folder at or above startDir for which `pick` returns a path: the same code runs from source
 * under vitest, from out/main after a build, and from a packaged app, so things are found by walking up.
 */
function findAbove(startDir: string, pick: (dir: string) => string | null, what: string): string {
  let dir = resolve(startDir)
  for (;;) {
    const found = pick(dir)
    if (found) return found
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`${what} was not found above ${startDir}.`)
    dir = parent
  }
}

/** The resources folder: starter corpus, styles, locales. */
export function findResourcesDir(startDir: string): string {
  return findAbove(
    startDir,
    (dir) => (existsSync(join(dir, 'resources', 'corpus', 'sources.json')) ? join(dir, 'resources') : null),
    "Evident's resources folder",
  )
}

/** The built document-parser entry (out/main/parser.js), which the Node doors start as child processes. */
export function findParserEntry(startDir: string): string {
  return findAbove(
    startDir,
    (dir) => [join(dir, 'parser.js'), join(dir, 'out', 'main', 'parser.js')].find((file) => existsSync(file)) ?? null,
    "Evident's document reader (out/main/parser.js; run npm run build)",
  )
}

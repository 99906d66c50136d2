import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/**
 * Finds the resources folder (starter corpus, styles, locales) by walking up from a start folder:
 * the same code runs from source under vitest, from out/main after a build, and from a packaged app.
 */
export function findResourcesDir(startDir: string): string {
  let dir = resolve(startDir)
  for (;;) {
    const candidate = join(dir, 'resources')
    if (existsSync(join(candidate, 'corpus', 'sources.json'))) return candidate
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`Evident's resources folder was not found above ${startDir}.`)
    dir = parent
  }
}

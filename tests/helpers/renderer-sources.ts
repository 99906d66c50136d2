import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const SRC = join(__dirname, '../../renderer/src')

/** Every file below `dir` whose name matches `name` (.ts/.tsx by default), node_modules left out: for tests that read the code itself. */
export function sourceFiles(dir: string, name = /\.tsx?$/): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path, name)
    return name.test(entry.name) ? [path] : []
  })
}

/** Every .ts/.tsx file of the renderer, named from renderer/src with forward slashes, for tests that read the code itself. */
export function rendererSources(): { name: string; text: string }[] {
  return sourceFiles(SRC).map((path) => ({ name: relative(SRC, path).replaceAll('\\', '/'), text: readFileSync(path, 'utf8') }))
}

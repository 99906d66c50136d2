import { readdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../..')

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : codeFiles(path)
    return /\.(ts|tsx|mjs|css)$/.test(entry.name) ? [relative(root, path).replaceAll('\\', '/')] : []
  })
}

/**
 * One case style for file names: kebab-case for modules (`source-offsets.ts`, `layer-rule.test.ts`), PascalCase
 * for a React component or a class named the same (`Snippet.tsx`, `CitationNode.ts`), and `useX` for a hook.
 */
const NAMED = [/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$/, /^[A-Z][A-Za-z0-9]*$/, /^use[A-Z][A-Za-z0-9]*$/]

const stem = (path: string) => path.split('/').pop()!.replace(/\.(ts|tsx|mjs|css)$/, '')

describe('file names', () => {
  it('are in one case style across electron/, renderer/, tests/ and scripts/', () => {
    const files = ['electron', 'renderer/src', 'tests', 'scripts'].flatMap((dir) => codeFiles(resolve(root, dir)))
    expect(files.length).toBeGreaterThan(100)
    expect(files.filter((path) => !NAMED.some((style) => style.test(stem(path))))).toEqual([])
  })

  it('would name a camelCase module', () => {
    expect(NAMED.some((style) => style.test(stem('renderer/src/features/reader/findMatches.ts')))).toBe(false)
    expect(NAMED.some((style) => style.test(stem('tests/e2e/original-rtl.e2e.test.ts')))).toBe(true)
  })
})

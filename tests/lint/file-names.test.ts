import { relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sourceFiles } from '../helpers/renderer-sources'

const root = resolve(__dirname, '../..')

const codeFiles = (dir: string) => sourceFiles(dir, /\.(ts|tsx|mjs|css)$/).map((path) => relative(root, path).replaceAll('\\', '/'))

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

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach } from 'vitest'

/** A fresh temp folder per test, removed afterwards. */
export function useTempDir(prefix = 'evident-test-'): () => string {
  let dir: string | undefined
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = undefined
  })
  return () => {
    dir ??= mkdtempSync(join(tmpdir(), prefix))
    return dir
  }
}

export const RESOURCES_DIR = resolve(__dirname, '../../resources')
export const FIXTURES_DIR = resolve(__dirname, '../fixtures')

import { existsSync } from 'node:fs'
import { join } from 'node:path'

const root = join(__dirname, '../..')

/**
 * ../shared/fixtures/real beside the checkout (or beside the folder of worktrees it sits in): real files
 * from public test corpora, for diagnosis only, never copied into the project. Null when absent, and tests
 * that read them then skip, saying why.
 */
export function realFixturesDir(): string | null {
  for (const candidate of [join(root, '../shared/fixtures/real'), join(root, '../../shared/fixtures/real')]) {
    if (existsSync(candidate)) return candidate
  }
  return null
}

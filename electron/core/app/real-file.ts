import { realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'

/** Is candidate strictly below root? Both must already be resolved the same way (both real, or both lexical). */
export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate)
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}

export type RealFile = { ok: true; file: string; size: number } | { ok: false; reason: 'missing' | 'outside' | 'not-a-file' }

/**
 * The file a request for root/relativePath really reaches, with symlinks resolved on both sides: a link
 * planted in the folder that leads out of it is 'outside', wherever its name sits. A root that is itself a
 * symlink is fine. Shared by the two doors that serve the renderer build (app:// and browser mode's HTTP),
 * which check the request path itself first.
 */
export async function realFileWithin(root: string, relativePath: string): Promise<RealFile> {
  let realRoot: string
  let file: string
  try {
    realRoot = await realpath(root)
    file = await realpath(join(realRoot, relativePath))
  } catch {
    // Not there, or a dangling link: nothing to serve either way.
    return { ok: false, reason: 'missing' }
  }
  if (file === realRoot) return { ok: false, reason: 'not-a-file' }
  if (!isInside(realRoot, file)) return { ok: false, reason: 'outside' }
  try {
    const info = await stat(file)
    return info.isFile() ? { ok: true, file, size: info.size } : { ok: false, reason: 'not-a-file' }
  } catch {
    return { ok: false, reason: 'missing' }
  }
}

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { BUILTIN_STYLES, type StyleId } from '../../shared/dto/briefs'
import type { StyleInfo } from '../../shared/dto/citations'
import { AppError } from '../errors'
import { newId, nowIso } from '../ids'
import { parseCslStyle } from './validate'
import { command, query } from '../db/statement'

type BuiltinStyle = (typeof BUILTIN_STYLES)[number]

const BUILTIN_FILES: Record<BuiltinStyle, { file: string; kind: StyleInfo['kind'] }> = {
  harvard: { file: 'harvard-cite-them-right.csl', kind: 'author-date' },
  vancouver: { file: 'vancouver.csl', kind: 'numeric' },
  apa: { file: 'apa.csl', kind: 'author-date' },
  chicago: { file: 'chicago-note-bibliography-with-ibid.csl', kind: 'note' },
  oscola: { file: 'oscola.csl', kind: 'note' },
  ieee: { file: 'ieee.csl', kind: 'numeric' },
  mhra: { file: 'modern-humanities-research-association.csl', kind: 'note' },
}

export const USER_STYLE_PREFIX = 'user:'

export interface ResolvedStyle {
  info: StyleInfo
  xml: string
}

export function cslDir(resourcesDir: string): string {
  return join(resourcesDir, 'csl')
}

function isBuiltin(id: string): id is BuiltinStyle {
  return (BUILTIN_STYLES as readonly string[]).includes(id)
}

// The bundled files never change while the app runs; reading them once keeps export fast.
const builtinCache = new Map<string, ResolvedStyle>()

function builtin(resourcesDir: string, id: BuiltinStyle): ResolvedStyle {
  const key = `${resourcesDir}\0${id}`
  const cached = builtinCache.get(key)
  if (cached) return cached
  const { file, kind } = BUILTIN_FILES[id]
  let xml: string
  try {
    xml = readFileSync(join(cslDir(resourcesDir), 'styles', file), 'utf8')
  } catch (error) {
    throw new AppError('IO_ERROR', `Evident's bundled citation style “${file}” is missing: reinstall Evident.`, { cause: error })
  }
  const title = /<info>[\s\S]*?<title>([^<]*)<\/title>/.exec(xml)?.[1]?.trim() || id
  const resolved = { info: { id, title, kind, builtin: true }, xml }
  builtinCache.set(key, resolved)
  return resolved
}

interface StyleRow {
  id: string
  title: string
  kind: StyleInfo['kind']
  xml: string
}

/** Built-in styles ship with the app; user styles live in the project, so a brief exports the same anywhere. */
export class StyleRegistry {
  constructor(
    private readonly db: Database.Database,
    private readonly resourcesDir: string,
  ) {}

  list(): StyleInfo[] {
    const rows = query<Omit<StyleRow, 'xml'>>(this.db, 'SELECT id, title, kind FROM styles ORDER BY added_at, id').all()
    return [
      ...BUILTIN_STYLES.map((id) => builtin(this.resourcesDir, id).info),
      ...rows.map((row) => ({ id: row.id, title: row.title, kind: row.kind, builtin: false })),
    ]
  }

  /** Validates and stores a user's .csl; adding the same file twice returns the style already stored. */
  async add(fileName: string, xml: string): Promise<StyleInfo> {
    const parsed = await parseCslStyle(fileName, xml)
    const existing = query<Omit<StyleRow, 'xml'>>(this.db, 'SELECT id, title, kind FROM styles WHERE xml = ?').get(xml)
    if (existing) return { ...existing, builtin: false }
    const id = `${USER_STYLE_PREFIX}${newId()}`
    command(this.db, 'INSERT INTO styles (id, title, kind, xml, added_at) VALUES (?, ?, ?, ?, ?)').run(id, parsed.title, parsed.kind, xml, nowIso())
    return { id, title: parsed.title, kind: parsed.kind, builtin: false }
  }

  resolve(id: StyleId): ResolvedStyle {
    if (isBuiltin(id)) return builtin(this.resourcesDir, id)
    const row = query<StyleRow>(this.db, 'SELECT id, title, kind, xml FROM styles WHERE id = ?').get(id)
    if (!row) {
      throw new AppError('NOT_FOUND', `There is no citation style “${id}” in this project. Choose ${BUILTIN_STYLES.join(', ')} or load a .csl file.`)
    }
    return { info: { id: row.id, title: row.title, kind: row.kind, builtin: false }, xml: row.xml }
  }
}

/** For a .csl file used once (the CLI's --style FILE.csl) without storing it in the project. */
export async function transientStyle(fileName: string, xml: string): Promise<ResolvedStyle> {
  const parsed = await parseCslStyle(fileName, xml)
  return { info: { id: `file:${fileName}`, title: parsed.title, kind: parsed.kind, builtin: false }, xml }
}

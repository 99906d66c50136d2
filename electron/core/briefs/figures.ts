import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { AddedFigure, FigureData, FigureInfo, FigureMediaType } from '../../shared/dto/figures'
import { query } from '../db/statement'
import { AppError } from '../errors'
import { newId, nowIso } from '../ids'
import type { CheckedPicture } from './figure-picture'

interface FigureRow {
  id: string
  media_type: FigureMediaType
  width: number
  height: number
  byte_size: number
  name: string
}

const COLUMNS = 'id, media_type, width, height, byte_size, name'

function info(row: FigureRow): FigureInfo {
  return { id: row.id, mediaType: row.media_type, width: row.width, height: row.height, byteSize: row.byte_size, name: row.name }
}

/** The pictures stored in a project for its briefs' figures (migration 011). */
export class FigureRepository {
  constructor(private readonly db: Database.Database) {}

  /** Stores a checked picture (checkPicture) once: the same picture again is the same row. */
  add(name: string, image: CheckedPicture): AddedFigure {
    const { bytes } = image
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const existing = query<FigureRow>(this.db, `SELECT ${COLUMNS} FROM figures WHERE sha256 = ?`).get(sha256)
    const note = { ...(image.note ? { note: image.note } : {}), ...(image.suggestedAltText ? { suggestedAltText: image.suggestedAltText } : {}) }
    if (existing) return { figure: info(existing), ...note }
    const row: FigureRow = { id: newId(), media_type: image.mediaType, width: image.width, height: image.height, byte_size: bytes.length, name }
    query(this.db, 'INSERT INTO figures (id, sha256, media_type, width, height, byte_size, name, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      row.id, sha256, row.media_type, row.width, row.height, row.byte_size, name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), nowIso(),
    )
    return { figure: info(row), ...note }
  }

  /** The picture with its bytes, or null when this project has no such figure (a figure pasted from another project). */
  find(id: string): (FigureInfo & { bytes: Buffer }) | null {
    const row = query<FigureRow & { bytes: Buffer }>(this.db, `SELECT ${COLUMNS}, bytes FROM figures WHERE id = ?`).get(id)
    return row ? { ...info(row), bytes: row.bytes } : null
  }

  get(id: string): FigureData {
    const found = this.find(id)
    if (!found) throw new AppError('NOT_FOUND', 'That figure’s picture is not in this project (was it pasted from another one?). Insert the picture again.')
    const { bytes, ...figure } = found
    return { ...figure, data: bytes.toString('base64') }
  }
}

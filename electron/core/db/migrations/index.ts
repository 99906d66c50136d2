import type { Migration } from '../migration'
import { initial } from './001-initial'
import { pinnedRevisions } from './002-pinned-revisions'
import { fieldProvenance } from './003-field-provenance'
import { webSnapshots } from './004-web-snapshots'
import { trash } from './005-trash'
import { referenceOnly } from './006-reference-only'
import { sourceUpdates } from './007-source-updates'
import { quoteChanges } from './008-quote-changes'
import { exportAdditions } from './009-export-additions'
import { wholeWork } from './010-whole-work'
import { figures } from './011-figures'
import { sourceOcr } from './012-source-ocr'
import { briefLayout } from './013-brief-layout'
import { sourceOcrWords } from './014-source-ocr-words'

/** Append-only: never edit a released migration, add the next number. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  pinnedRevisions,
  fieldProvenance,
  webSnapshots,
  trash,
  referenceOnly,
  sourceUpdates,
  quoteChanges,
  exportAdditions,
  wholeWork,
  figures,
  sourceOcr,
  briefLayout,
  sourceOcrWords,
]

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version

import type { Migration } from '../migration'

/** A source known only by its record, from a reference file: no text or file until its full text is attached. */
export const referenceOnly: Migration = {
  version: 6,
  name: 'reference-only-sources',
  up: `ALTER TABLE sources ADD COLUMN reference_only INTEGER NOT NULL DEFAULT 0;`,
}

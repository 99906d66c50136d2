import type { Migration } from '../migration'

/**
 * Where each field of a source's record came from (shared/dto/provenance.ts). Sources imported before this
 * have none recorded: '{}' says so rather than pretending the analyst entered them.
 */
export const fieldProvenance: Migration = {
  version: 3,
  name: 'field-provenance',
  up: `ALTER TABLE sources ADD COLUMN provenance TEXT NOT NULL DEFAULT '{}';`,
}

import type { Migration } from '../migration'

/** Evident's additions the analyst chose for a brief's export (versioned JSON); NULL means the defaults. */
export const exportAdditions: Migration = {
  version: 9,
  name: 'brief-export-additions',
  up: `ALTER TABLE briefs ADD COLUMN export_additions TEXT;`,
}

import type { Migration } from '../migration'

/**
 * The last Check sources answer for a source with a DOI: the retraction, correction and concern notices
 * Crossref lists for it. A check that could not reach Crossref writes nothing, so the last known answer stays.
 */
export const sourceUpdates: Migration = {
  version: 7,
  name: 'source-updates',
  up: `
    CREATE TABLE source_updates (
      source_id TEXT PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
      doi TEXT NOT NULL,
      checked_at TEXT NOT NULL,
      notices TEXT NOT NULL
    );
  `,
}

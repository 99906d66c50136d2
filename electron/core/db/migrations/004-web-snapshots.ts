import type { Migration } from '../migration'

/** A source imported from an address keeps where it was asked for, where it was found and when. */
export const webSnapshots: Migration = {
  version: 4,
  name: 'web-snapshots',
  up: `
    CREATE TABLE source_web (
      source_id TEXT PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
      address TEXT NOT NULL,
      final_url TEXT NOT NULL,
      fetched_at TEXT NOT NULL
    );
  `,
}

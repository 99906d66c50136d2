import type { Migration } from '../migration'

/**
 * A claim whose passage changed in a new version of its source keeps its cited words in `quote` while its
 * anchor points at the passage as it now reads; the two differing is the mark "changed in the source", so
 * it needs no column. What does: the analyst's answer when they keep the cited words (`quote_kept_at`, when
 * they said so), so the mark can say the words were kept on purpose rather than not yet looked at.
 */
export const quoteChanges: Migration = {
  version: 8,
  name: 'quote-changes',
  up: `ALTER TABLE claims ADD COLUMN quote_kept_at TEXT;`,
}

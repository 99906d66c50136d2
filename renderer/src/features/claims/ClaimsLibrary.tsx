import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import { CLAIM_SORTS, type ClaimCard, type ClaimSort } from '@shared/dto/claims'
import type { SourceSummary } from '@shared/dto/sources'
import { MAX_SEARCH_QUERY_CHARS } from '@shared/limits'
import { useClaimsUi } from './claims-ui'
import { ClaimFilters, activeFilterCount, type ClaimFilterValues } from './ClaimFilters'
import { ClaimList } from './ClaimList'
import { SORT_LABELS } from './labels'
import { LabeledSelect } from './LabeledSelect'
import { QuestionsManager } from './QuestionsManager'
import { TagsManager } from './TagsManager'
import { useClaimPages, type LibraryQuery } from './useClaimPages'
import { useTaxonomy } from './useTaxonomy'
import './claims-library.css'

const SEARCH_DELAY_MS = 200

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(t)
  }, [value, ms])
  return settled
}

function summary(total: number | null, text: string, filtered: boolean): string {
  if (total === null) return 'Loading claims…'
  const n = `${total.toLocaleString('en-GB')} ${total === 1 ? 'claim' : 'claims'}`
  const verb = total === 1 ? 'matches' : 'match'
  if (text) return `${n} ${verb} “${text}”`
  return filtered ? `${n} ${verb} the filters` : n
}

export interface ClaimsLibraryProps {
  /** The project's sources, for the source filter: the shell's list, kept fresh by it. */
  sources: SourceSummary[]
}

/** Every claim in the project: search, filter, sort, open, and drag into the brief. */
export function ClaimsLibrary({ sources }: ClaimsLibraryProps) {
  const ui = useClaimsUi()
  const taxonomy = useTaxonomy()
  const [text, setText] = useState('')
  const [sort, setSort] = useState<ClaimSort | 'auto'>('auto')
  const [filters, setFilters] = useState<ClaimFilterValues>({})
  const [showFilters, setShowFilters] = useState(false)
  const [manager, setManager] = useState<'tags' | 'questions' | null>(null)
  const filtersId = useId()
  const searchText = useDebounced(text.trim(), SEARCH_DELAY_MS)

  // "Best match" only means something for a search; without one the newest claims come first.
  const automaticSort: ClaimSort = searchText ? 'relevance' : 'newest'
  const query = useMemo<LibraryQuery>(
    () => ({ ...filters, text: searchText || undefined, sort: sort === 'auto' ? automaticSort : sort }),
    [filters, searchText, sort, automaticSort],
  )
  const queryKey = JSON.stringify(query)
  const pages = useClaimPages(query)
  const filterCount = activeFilterCount(filters)
  const open = useCallback((card: ClaimCard) => ui.openClaim(card.id), [ui])

  return (
    <section className="pane claims-library" aria-label="Claims library">
      <header className="pane-header">
        <h2>Claims</h2>
        <div className="claims-tools">
          <button type="button" disabled={ui.readOnly !== null} title={ui.readOnly ?? undefined} onClick={() => setManager('tags')}>
            Tags…
          </button>
          <button type="button" disabled={ui.readOnly !== null} title={ui.readOnly ?? undefined} onClick={() => setManager('questions')}>
            Questions…
          </button>
        </div>
      </header>
      <div className="claims-controls">
        <input
          type="search"
          aria-label="Search claims"
          placeholder="Search claims"
          title="Words, “a phrase” or a prefix*"
          maxLength={MAX_SEARCH_QUERY_CHARS}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="claims-controls-row">
          <button type="button" aria-expanded={showFilters} aria-controls={filtersId} onClick={() => setShowFilters((s) => !s)}>
            Filters{filterCount > 0 ? ` (${filterCount})` : ''}
          </button>
          <LabeledSelect
            className="claims-sort"
            label="Sort"
            value={sort}
            onChange={(e) => setSort(CLAIM_SORTS.find((s) => s === e.target.value) ?? 'auto')}
          >
            <option value="auto">{SORT_LABELS[automaticSort]}</option>
            {CLAIM_SORTS.filter((s) => s !== automaticSort && s !== 'relevance').map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </LabeledSelect>
        </div>
        {/* Only an open panel holds the controls: a closed one costs nothing, however many sources there are. */}
        <div id={filtersId} hidden={!showFilters}>
          {showFilters && (
            <ClaimFilters value={filters} onChange={setFilters} tags={taxonomy.tags} questions={taxonomy.questions} sources={sources} />
          )}
        </div>
        <p className="claims-summary muted" role="status">
          {pages.error ? '' : summary(pages.total, searchText, filterCount > 0)}
        </p>
      </div>
      <div className="pane-body claims-body">
        {pages.error ? (
          <p className="empty-state" role="alert">
            {pages.error}
          </p>
        ) : pages.total === 0 ? (
          <p className="empty-state">
            {searchText || filterCount > 0
              ? 'No claims match. Try fewer words or clear the filters.'
              : 'No claims yet. Select a passage in the reader and press Ctrl+Enter to make one.'}
          </p>
        ) : (
          <ClaimList pages={pages} queryKey={queryKey} tagById={taxonomy.tagById} questionById={taxonomy.questionById} onOpen={open} />
        )}
      </div>
      {manager === 'tags' && <TagsManager taxonomy={taxonomy} onClose={() => setManager(null)} />}
      {manager === 'questions' && <QuestionsManager taxonomy={taxonomy} onClose={() => setManager(null)} />}
    </section>
  )
}

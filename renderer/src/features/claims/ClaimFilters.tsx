import { useEffect, useState } from 'react'
import { EVIDENCE_TYPES, STANCES, STRENGTHS, type Question, type Tag } from '../../../../electron/shared/dto/claims'
import type { SourceSummary } from '../../../../electron/shared/dto/sources'
import { api } from '../../api/client'
import { useEvent } from '../../ui/useEvent'
import { EVIDENCE_TYPE_LABELS, STANCE_LABELS, STRENGTH_LABELS } from './labels'
import { LabeledSelect } from './LabeledSelect'
import type { LibraryQuery } from './useClaimPages'

export type ClaimFilterValues = Pick<LibraryQuery, 'sourceId' | 'tagId' | 'questionId' | 'stance' | 'evidenceType' | 'strength' | 'status'>

export interface ClaimFiltersProps {
  value: ClaimFilterValues
  onChange: (value: ClaimFilterValues) => void
  tags: Tag[]
  questions: Question[]
}

export function activeFilterCount(value: ClaimFilterValues): number {
  return Object.values(value).filter((v) => v !== undefined).length
}

function useSourceOptions(): SourceSummary[] {
  const [sources, setSources] = useState<SourceSummary[]>([])
  const [version, setVersion] = useState(0)
  useEvent('sources.changed', () => setVersion((v) => v + 1))
  useEffect(() => {
    let stale = false
    api
      .invoke('sources.list', {})
      .then((list) => !stale && setSources(list))
      .catch(() => undefined)
    return () => {
      stale = true
    }
  }, [version])
  return sources
}

/** An empty choice means "any": it is sent as undefined, never as an empty string the contract would refuse. */
function pick<T extends string>(options: readonly T[], value: string): T | undefined {
  return options.find((o) => o === value)
}

export function ClaimFilters({ value, onChange, tags, questions }: ClaimFiltersProps) {
  const sources = useSourceOptions()
  const set = (patch: Partial<ClaimFilterValues>) => onChange({ ...value, ...patch })
  const ids = (list: { id: string }[]) => list.map((x) => x.id)

  return (
    <div className="claim-filters" role="group" aria-label="Filter claims">
      <LabeledSelect label="Source" value={value.sourceId ?? ''} onChange={(e) => set({ sourceId: pick(ids(sources), e.target.value) })}>
        <option value="">Any source</option>
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </LabeledSelect>
      <LabeledSelect label="Tag" value={value.tagId ?? ''} onChange={(e) => set({ tagId: pick(ids(tags), e.target.value) })}>
        <option value="">Any tag</option>
        {tags.map((t) => (
          <option key={t.id} value={t.id}>
            {t.path}
          </option>
        ))}
      </LabeledSelect>
      <LabeledSelect label="Question" value={value.questionId ?? ''} onChange={(e) => set({ questionId: pick(ids(questions), e.target.value) })}>
        <option value="">Any question</option>
        {questions.map((q) => (
          <option key={q.id} value={q.id}>
            {q.text}
          </option>
        ))}
      </LabeledSelect>
      <LabeledSelect label="Stance" value={value.stance ?? ''} onChange={(e) => set({ stance: pick(STANCES, e.target.value) })}>
        <option value="">Any stance</option>
        {STANCES.map((s) => (
          <option key={s} value={s}>
            {STANCE_LABELS[s]}
          </option>
        ))}
      </LabeledSelect>
      <LabeledSelect label="Evidence type" value={value.evidenceType ?? ''} onChange={(e) => set({ evidenceType: pick(EVIDENCE_TYPES, e.target.value) })}>
        <option value="">Any type</option>
        {EVIDENCE_TYPES.map((t) => (
          <option key={t} value={t}>
            {EVIDENCE_TYPE_LABELS[t]}
          </option>
        ))}
      </LabeledSelect>
      <LabeledSelect label="Strength" value={value.strength ?? ''} onChange={(e) => set({ strength: pick(STRENGTHS, e.target.value) })}>
        <option value="">Any strength</option>
        {STRENGTHS.map((s) => (
          <option key={s} value={s}>
            {STRENGTH_LABELS[s]}
          </option>
        ))}
      </LabeledSelect>
      <LabeledSelect label="Status" value={value.status ?? ''} onChange={(e) => set({ status: pick(['anchored', 'orphaned'] as const, e.target.value) })}>
        <option value="">Any status</option>
        <option value="anchored">Anchored</option>
        <option value="orphaned">Orphaned</option>
      </LabeledSelect>
      {activeFilterCount(value) > 0 && (
        <button type="button" className="link" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </div>
  )
}

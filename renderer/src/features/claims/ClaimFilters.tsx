import { EVIDENCE_TYPES, STANCES, STRENGTHS, type Question, type Tag } from '@shared/dto/claims'
import type { SourceSummary } from '@shared/dto/sources'
import { ChoiceOptions } from '../../ui/ChoiceOptions'
import { EVIDENCE_TYPE_LABELS, STANCE_LABELS, STRENGTH_LABELS } from './labels'
import { ClosedListSelect, LabeledSelect } from './LabeledSelect'
import { SourcePicker } from './SourcePicker'
import type { LibraryQuery } from './useClaimPages'

export type ClaimFilterValues = Pick<LibraryQuery, 'sourceId' | 'tagId' | 'questionId' | 'stance' | 'evidenceType' | 'strength' | 'status'>

export interface ClaimFiltersProps {
  value: ClaimFilterValues
  onChange: (value: ClaimFilterValues) => void
  tags: Tag[]
  questions: Question[]
  /** The project's sources as the shell already holds them: the filters never fetch their own copy. */
  sources: SourceSummary[]
}

export function activeFilterCount(value: ClaimFilterValues): number {
  return Object.values(value).filter((v) => v !== undefined).length
}

/** An empty choice means "any": it is sent as undefined, never as an empty string the contract would refuse. */
function pick<T extends string>(options: readonly T[], value: string): T | undefined {
  return options.find((o) => o === value)
}

/** The library's filter controls; the library mounts them only while its Filters panel is open. */
export function ClaimFilters({ value, onChange, tags, questions, sources }: ClaimFiltersProps) {
  const set = (patch: Partial<ClaimFilterValues>) => onChange({ ...value, ...patch })
  const ids = (list: { id: string }[]) => list.map((x) => x.id)

  return (
    <div className="claim-filters" role="group" aria-label="Filter claims">
      <SourcePicker label="Source" sources={sources} value={value.sourceId} onChange={(sourceId) => set({ sourceId })} />
      <LabeledSelect label="Tag" value={value.tagId ?? ''} onChange={(e) => set({ tagId: pick(ids(tags), e.target.value) })}>
        <ChoiceOptions blank="Any tag" choices={tags.map((t) => ({ value: t.id, label: t.path }))} />
      </LabeledSelect>
      <LabeledSelect label="Question" value={value.questionId ?? ''} onChange={(e) => set({ questionId: pick(ids(questions), e.target.value) })}>
        <ChoiceOptions blank="Any question" choices={questions.map((q) => ({ value: q.id, label: q.text }))} />
      </LabeledSelect>
      <ClosedListSelect label="Stance" blank="Any stance" values={STANCES} labels={STANCE_LABELS} value={value.stance} onChange={(stance) => set({ stance })} />
      <ClosedListSelect label="Evidence type" blank="Any type" values={EVIDENCE_TYPES} labels={EVIDENCE_TYPE_LABELS} value={value.evidenceType} onChange={(evidenceType) => set({ evidenceType })} />
      <ClosedListSelect label="Strength" blank="Any strength" values={STRENGTHS} labels={STRENGTH_LABELS} value={value.strength} onChange={(strength) => set({ strength })} />
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

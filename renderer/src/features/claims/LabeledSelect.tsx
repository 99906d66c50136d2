import { useId, type ReactNode, type SelectHTMLAttributes } from 'react'
import { ChoiceOptions, labelledChoices } from '../../ui/ChoiceOptions'

export interface LabeledSelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string
  className?: string
  children: ReactNode
}

/**
 * A select with a label tied by id. A label wrapping a select would also take in the options' text, and
 * the control's accessible name would become "Evidence typeNot set Statistic…".
 */
export function LabeledSelect({ label, className, children, ...select }: LabeledSelectProps) {
  const id = useId()
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select}>
        {children}
      </select>
    </div>
  )
}

export interface ClosedListSelectProps<T extends string> {
  label: string
  className?: string
  /** What the empty choice means here: "Not set" in the form, "Any type" in the filters. */
  blank: string
  values: readonly T[]
  labels: Record<T, string>
  value: T | null | undefined
  /** The chosen value, or undefined for the empty choice (never an empty string the contract would refuse). */
  onChange(value: T | undefined): void
}

/** A labelled select over one of the closed lists (stances, evidence types, strengths), each shown by its label. */
export function ClosedListSelect<T extends string>({ label, className, blank, values, labels, value, onChange }: ClosedListSelectProps<T>) {
  return (
    <LabeledSelect className={className} label={label} value={value ?? ''} onChange={(e) => onChange(values.find((v) => v === e.target.value))}>
      <ChoiceOptions blank={blank} choices={labelledChoices(values, labels)} />
    </LabeledSelect>
  )
}

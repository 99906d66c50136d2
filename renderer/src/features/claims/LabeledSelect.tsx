import { useId, type ReactNode, type SelectHTMLAttributes } from 'react'

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

import type { InputHTMLAttributes } from 'react'

export interface EnterToCreateInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'onKeyDown' | 'value'> {
  value: string
  onValue: (value: string) => void
  onEnter: () => void
  /** Why the last create was refused: the box is described by its note (the ErrorNote with this id), and typing clears it. */
  refusal?: { id: string; message: string | null; clear: () => void }
}

/**
 * A box inside a larger form (the claim form) where Enter creates what was typed, a tag or a question,
 * instead of submitting the whole form.
 */
export function EnterToCreateInput({ value, onValue, onEnter, refusal, ...rest }: EnterToCreateInputProps) {
  return (
    <input
      {...rest}
      aria-describedby={refusal?.message ? refusal.id : rest['aria-describedby']}
      value={value}
      onChange={(e) => {
        onValue(e.target.value)
        refusal?.clear()
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault()
          onEnter()
        }
      }}
    />
  )
}

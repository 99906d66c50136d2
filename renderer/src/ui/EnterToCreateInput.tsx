import type { InputHTMLAttributes } from 'react'

export interface EnterToCreateInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'onKeyDown' | 'value'> {
  value: string
  onValue: (value: string) => void
  onEnter: () => void
}

/**
 * A box inside a larger form (the claim form) where Enter creates what was typed, a tag or a question,
 * instead of submitting the whole form.
 */
export function EnterToCreateInput({ value, onValue, onEnter, ...rest }: EnterToCreateInputProps) {
  return (
    <input
      {...rest}
      value={value}
      onChange={(e) => onValue(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault()
          onEnter()
        }
      }}
    />
  )
}

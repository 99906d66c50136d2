export interface Choice {
  value: string
  label: string
}

/** A closed list (stances, evidence types…) as choices, each shown by its label. */
export function labelledChoices<T extends string>(values: readonly T[], labels: Record<T, string>): Choice[] {
  return values.map((value) => ({ value, label: labels[value] }))
}

/**
 * A select's options: first the empty choice, named for what it means there ("Any stance", "Not set",
 * "(top level)"), then one option per choice.
 */
export function ChoiceOptions({ blank, choices }: { blank: string; choices: readonly Choice[] }) {
  return (
    <>
      <option value="">{blank}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </>
  )
}

import type { ClaimSort, EvidenceType, Stance, Strength } from '@shared/dto/claims'

// Plain-English labels for the contract's enum values; the values themselves never reach the screen.
export const STANCE_LABELS: Record<Stance, string> = {
  supports: 'Supports',
  opposes: 'Opposes',
  mixed: 'Mixed',
  neutral: 'Neutral',
}

export const EVIDENCE_TYPE_LABELS: Record<EvidenceType, string> = {
  statistic: 'Statistic',
  'research-finding': 'Research finding',
  'expert-opinion': 'Expert opinion',
  'policy-statement': 'Policy statement',
  testimony: 'Testimony',
}

export const STRENGTH_LABELS: Record<Strength, string> = {
  weak: 'Weak',
  moderate: 'Moderate',
  strong: 'Strong',
}

export const SORT_LABELS: Record<ClaimSort, string> = {
  relevance: 'Best match',
  newest: 'Newest first',
  oldest: 'Oldest first',
  source: 'By source',
  strength: 'Strongest first',
}

/** "¶ 12, p. 4" — where a reader finds the quote. */
export function locationLabel(paragraph: number, page?: string): string {
  return page ? `¶ ${paragraph}, p. ${page}` : `¶ ${paragraph}`
}

/** Long quotes are cut at a word boundary so a card stays a card. */
export function excerpt(text: string, max = 220): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…'
}

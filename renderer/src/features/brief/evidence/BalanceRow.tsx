import { EVIDENCE_TYPES, STANCES } from '@shared/dto/claims'
import type { Balance } from './evidence'

const STANCE_WORDS: Record<string, string> = { supports: 'support', opposes: 'oppose', mixed: 'mixed', neutral: 'neutral', unrated: 'no stance' }
const TYPE_WORDS: Record<string, [string, string]> = {
  statistic: ['statistic', 'statistics'],
  'research-finding': ['research finding', 'research findings'],
  'expert-opinion': ['expert opinion', 'expert opinions'],
  'policy-statement': ['policy statement', 'policy statements'],
  testimony: ['testimony', 'testimonies'],
  unknown: ['type not set', 'type not set'],
}

/** One part's balance as a bar (for the eye) and a sentence (for everyone, screen readers included). */
export function BalanceRow({ title, balance, nested }: { title: string; balance: Balance; nested?: boolean }) {
  const stances = [...STANCES, 'unrated' as const].filter((s) => balance.stances[s] > 0)
  const types = [...EVIDENCE_TYPES, 'unknown' as const].filter((t) => (balance.types[t] ?? 0) > 0)
  const summary = balance.claims === 0 ? 'no claims cited' : stances.map((s) => `${balance.stances[s]} ${STANCE_WORDS[s]}`).join(', ')
  return (
    <li className={`balance-row${nested ? ' balance-nested' : ''}`}>
      <div className="balance-head">
        <span className="balance-title">{title || 'Untitled'}</span>
        <span className="balance-summary">{summary}</span>
      </div>
      {balance.claims > 0 && (
        <>
          <div className="balance-bar" aria-hidden="true">
            {stances.map((s) => (
              <span key={s} className={`balance-seg stance-${s}`} style={{ flexGrow: balance.stances[s] }} />
            ))}
          </div>
          <p className="balance-types muted">{types.map((t) => `${balance.types[t]} ${TYPE_WORDS[t]![balance.types[t] === 1 ? 0 : 1]}`).join(' · ')}</p>
        </>
      )}
    </li>
  )
}

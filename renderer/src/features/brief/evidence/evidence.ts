import type { EvidenceType, Stance } from '@shared/dto/claims'
import type { ClaimLive } from '../citations/citation-store'
import type { BriefModel, CitationRef } from '../model/brief-model'

export type StanceCount = Record<Stance | 'unrated', number>

export interface Balance {
  claims: number
  stances: StanceCount
  types: Partial<Record<EvidenceType | 'unknown', number>>
}

/** How the distinct claims cited in a part lean toward the brief's question, and what kinds of evidence they are. */
export function balanceOf(citations: CitationRef[], live: ReadonlyMap<string, ClaimLive>, questionId: string | null): Balance {
  const balance: Balance = { claims: 0, stances: { supports: 0, opposes: 0, mixed: 0, neutral: 0, unrated: 0 }, types: {} }
  for (const claimId of new Set(citations.map((c) => c.snapshot.claimId))) {
    balance.claims++
    const state = live.get(claimId)
    const claim = state && 'claim' in state ? state.claim : null
    const stance = claim && questionId ? claim.stances.find((s) => s.questionId === questionId)?.stance : undefined
    balance.stances[stance ?? 'unrated']++
    const type = claim?.evidenceType ?? 'unknown'
    balance.types[type] = (balance.types[type] ?? 0) + 1
  }
  return balance
}

export interface ClaimUse {
  claimId: string
  ref: CitationRef
  sections: { title: string; nodeKey: string }[]
  uses: number
}

/** Each cited claim once, in order of first use, with the sections it is used in. */
export function claimUses(model: BriefModel): ClaimUse[] {
  const byClaim = new Map<string, ClaimUse>()
  const titles = new Map(model.sections.map((s) => [s.key, s.title]))
  for (const c of model.citations) {
    const use = byClaim.get(c.snapshot.claimId) ?? { claimId: c.snapshot.claimId, ref: c, sections: [], uses: 0 }
    use.uses++
    const title = (c.sectionKey && titles.get(c.sectionKey)) || 'Before the first section'
    if (!use.sections.some((s) => s.title === title)) use.sections.push({ title, nodeKey: c.nodeKey })
    byClaim.set(c.snapshot.claimId, use)
  }
  return [...byClaim.values()]
}

/** Cited claims that were deleted, lost their anchor or changed in the source, with the first place each is cited. */
export function troubled(model: BriefModel, live: ReadonlyMap<string, ClaimLive>): { use: ClaimUse; status: 'orphaned' | 'deleted' | 'changed'; claim?: ClaimLive }[] {
  return claimUses(model).flatMap((use) => {
    const state = live.get(use.claimId)
    const status = state?.status
    return status === 'orphaned' || status === 'deleted' || status === 'changed' ? [{ use, status, claim: state }] : []
  })
}

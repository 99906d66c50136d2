import { ROLES_WITHOUT_EVIDENCE } from '@shared/dto/section-roles'
import { isTemplatePrompt } from '@shared/dto/template-prompts'
import { countWords, type BriefModel, type Part, type Section, type TextBlock } from '../model/brief-model'

/** Whether a section's paragraphs should rest on evidence: all but those whose role holds none (References). */
export function needsEvidence(section: Section): boolean {
  return !(section.role && ROLES_WITHOUT_EVIDENCE.has(section.role))
}

/**
 * Whether a paragraph states something that needs a source. Excepted: empty ones, connective ones that lead
 * into what follows ("The options are:"), questions, a few words with no figure in them ("In short,"), and
 * a template's prompt not yet replaced (the export leaves it out).
 */
export function makesFactualClaim(text: string): boolean {
  const t = text.trim()
  if (!t || /[:?]$/.test(t) || isTemplatePrompt(t)) return false
  return countWords(t) >= 4 || /\d/.test(t)
}

export interface Uncited {
  section: string
  part: string | null
  block: TextBlock
}

/** Paragraphs that make a factual claim without a citation, in every section that should cite, whatever its title. */
export function uncitedParagraphs(model: BriefModel): Uncited[] {
  const out: Uncited[] = []
  for (const section of model.sections) {
    if (!needsEvidence(section)) continue
    const partOf = (block: TextBlock): Part | undefined => section.children.find((p) => p.blocks.some((b) => b.key === block.key))
    for (const block of section.blocks) {
      if (block.citations.length === 0 && makesFactualClaim(block.text)) out.push({ section: section.title, part: partOf(block)?.title ?? null, block })
    }
  }
  return out
}

/** Sections with no text yet, headings aside (Options' "Benefits" and "Risks"): an empty section is not a cited one. */
export function emptySections(model: BriefModel): Section[] {
  return model.sections.filter((s) => needsEvidence(s) && s.blocks.every((b) => (!b.text.trim() || isTemplatePrompt(b.text)) && b.citations.length === 0))
}

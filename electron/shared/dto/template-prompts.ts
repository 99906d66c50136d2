/**
 * The words a template puts in a section to say what belongs there ("State the decision needed…"). They are
 * the template's, not the analyst's: the export leaves a paragraph out while it still reads exactly so (and
 * the check says so), and the evidence check does not ask for a citation for it. Once the analyst changes a
 * word it is their paragraph. Never reword a released prompt: briefs made from it would keep it in the export.
 */
export const TEMPLATE_PROMPTS = {
  issue: 'State the issue in one or two sentences: what the minister is being asked to decide.',
  recommendation: 'Say what you recommend the minister does, as a decision they can agree to.',
  timing: 'Say when a decision is needed and why: routine, urgent (by a date) or immediate.',
  background: 'Give the background the minister needs: what has happened so far, and who is involved.',
  argument: 'Set out the argument: the options considered, the evidence for each, the risks and the cost.',
} as const

const PROMPTS: ReadonlySet<string> = new Set(Object.values(TEMPLATE_PROMPTS))

/** Whether a paragraph's text is still a template's prompt, word for word. */
export function isTemplatePrompt(text: string): boolean {
  return PROMPTS.has(text.trim())
}

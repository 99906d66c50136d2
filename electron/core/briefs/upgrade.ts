import { SERIALIZED_BRIEF_VERSION, type BriefTemplate, type SerializedBrief } from '../../shared/dto/briefs'
import type { SerializedLexicalNode } from '../../shared/dto/brief-nodes'
import { roleFromTemplateTitle, roleOfHeading, SECTION_ROLE_KEY } from '../../shared/dto/section-roles'
import { plainText } from './nodes'

/**
 * Brings a stored brief up to the current format. Format 1 (before section roles): each h2 whose title is one
 * its template gave it gets that section's role back. The stored row is rewritten on the next save; until
 * then every read upgrades the same way, so old revisions restore with their roles too.
 */
export function upgradeBrief(brief: SerializedBrief, template: BriefTemplate): SerializedBrief {
  if (brief.version >= SERIALIZED_BRIEF_VERSION) return brief
  // Formats 3 to 5 added nothing to upgrade (tables, figures, comments are new content): only format 1 needs its roles.
  if (brief.version >= 2) return { ...brief, version: SERIALIZED_BRIEF_VERSION }
  const root = (brief.editorState as { root: SerializedLexicalNode }).root
  const children = (root.children ?? []).map((node) => {
    if (node.type !== 'heading' || node.tag !== 'h2' || roleOfHeading(node)) return node
    const role = roleFromTemplateTitle(template, plainText(node))
    if (!role) return node
    const state = (node.$ as Record<string, unknown> | undefined) ?? {}
    return { ...node, $: { ...state, [SECTION_ROLE_KEY]: role } }
  })
  return { ...brief, version: SERIALIZED_BRIEF_VERSION, editorState: { ...(brief.editorState as object), root: { ...root, children } } }
}

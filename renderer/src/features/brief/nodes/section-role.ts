import { $getState, $setState, createState, type LexicalNode } from 'lexical'
import { isSectionRole, SECTION_ROLE_KEY, type SectionRole } from '@shared/dto/section-roles'

/**
 * A section heading's role (electron/shared/dto/section-roles.ts) as Lexical node state: serialized with the
 * heading as `"$": {"role": …}`, kept through edits and renames, gone when the heading becomes a paragraph.
 */
export const sectionRoleState = createState(SECTION_ROLE_KEY, { parse: (value): SectionRole | null => (isSectionRole(value) ? value : null) })

export function $sectionRole(node: LexicalNode): SectionRole | null {
  return $getState(node, sectionRoleState)
}

export function $setSectionRole<T extends LexicalNode>(node: T, role: SectionRole | null): T {
  return $setState(node, sectionRoleState, role)
}

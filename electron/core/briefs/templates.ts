import { SERIALIZED_BRIEF_VERSION, type BriefTemplate, type SerializedBrief } from '../../shared/dto/briefs'
import type { SerializedLexicalNode } from '../../shared/dto/brief-nodes'
import type { SectionRole } from '../../shared/dto/section-roles'
import { TEMPLATE_PROMPTS } from '../../shared/dto/template-prompts'
import { heading, paragraph, referencesNode, root } from './nodes'

function section(title: string, role: SectionRole, ...body: SerializedLexicalNode[]): SerializedLexicalNode[] {
  return [heading('h2', title, role), ...(body.length ? body : [paragraph()])]
}

function option(n: number): SerializedLexicalNode[] {
  return [heading('h3', `Option ${n}`), paragraph(), heading('h4', 'Benefits'), paragraph(), heading('h4', 'Risks'), paragraph()]
}

const TEMPLATES: Record<BriefTemplate, () => SerializedLexicalNode[]> = {
  'policy-brief': () => [
    ...section('Key messages', 'key-messages'),
    ...section('Background', 'background'),
    ...section('The problem', 'problem'),
    heading('h2', 'Options', 'options'),
    ...option(1),
    ...option(2),
    ...section('Recommendations', 'recommendations'),
    heading('h2', 'References', 'references'),
    referencesNode(),
  ],
  'briefing-note': () => [
    ...section('Summary', 'summary'),
    ...section('Background', 'background'),
    ...section('Discussion', 'discussion'),
    ...section('Recommendation', 'recommendations'),
    heading('h2', 'References', 'references'),
    referencesNode(),
  ],
  // The civil service's submission: the decision asked for up front (Issue, Recommendation, Timing), then the argument.
  'ministerial-submission': () => [
    ...section('Issue', 'issue', paragraph(TEMPLATE_PROMPTS.issue)),
    ...section('Recommendation', 'recommendations', paragraph(TEMPLATE_PROMPTS.recommendation)),
    ...section('Timing', 'timing', paragraph(TEMPLATE_PROMPTS.timing)),
    ...section('Background', 'background', paragraph(TEMPLATE_PROMPTS.background)),
    ...section('Argument', 'argument', paragraph(TEMPLATE_PROMPTS.argument)),
    heading('h2', 'References', 'references'),
    referencesNode(),
  ],
  blank: () => [paragraph()],
}

export function wrapEditorState(editorState: unknown): SerializedBrief {
  return { format: 'evident-brief', version: SERIALIZED_BRIEF_VERSION, editorState }
}

/** A new brief: the title as the document's first heading, then the template's sections. */
export function briefFromTemplate(template: BriefTemplate, title: string): SerializedBrief {
  return wrapEditorState(root([heading('h1', title), ...TEMPLATES[template]()]))
}

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { createEditor, type LexicalEditor } from 'lexical'
import { briefFromTemplate } from '../../electron/core/briefs/templates'
import { heading, paragraph, root } from '../../electron/core/briefs/nodes'
import { emptySections, makesFactualClaim, uncitedParagraphs } from '../../renderer/src/features/brief/evidence/evidence-check'
import { $readBriefModel } from '../../renderer/src/features/brief/model/brief-model'
import { BRIEF_NODES } from '../../renderer/src/features/brief/nodes'
import { $renameSection } from '../../renderer/src/features/brief/outline/section-ops'

function load(editorState: unknown): LexicalEditor {
  const editor = createEditor({ namespace: 'roles', nodes: [...BRIEF_NODES], onError: (e) => { throw e } })
  editor.setEditorState(editor.parseEditorState(JSON.stringify(editorState)))
  return editor
}

const model = (editor: LexicalEditor) => editor.getEditorState().read($readBriefModel)

describe('checks by role, not title', () => {
  it('checks Background and the briefing note’s Discussion, and keeps checking a section once it is renamed', () => {
    const note = briefFromTemplate('briefing-note', 'A note').editorState as { root: { children: Record<string, unknown>[] } }
    const children = note.root.children
    const at = (title: string) => children.findIndex((n) => (n.children as { text: string }[] | undefined)?.[0]?.text === title)
    children.splice(at('Background') + 1, 1, paragraph('Practice income fell by a tenth between 2010 and 2020.'))
    children.splice(at('Discussion') + 1, 1, paragraph('Trusts that run practices report longer waits for appointments.'))
    const editor = load(note)
    expect(uncitedParagraphs(model(editor)).map((u) => u.section)).toEqual(['Background', 'Discussion'])

    const key = model(editor).sections.find((s) => s.title === 'Discussion')!.key
    editor.update(() => void $renameSection(key, 'What the evidence says'), { discrete: true })
    const renamed = model(editor)
    expect(renamed.sections.find((s) => s.key === key)).toMatchObject({ title: 'What the evidence says', role: 'discussion' })
    expect(uncitedParagraphs(renamed).map((u) => u.section)).toEqual(['Background', 'What the evidence says'])
    // The role goes into the saved JSON with the heading.
    const saved = JSON.stringify(editor.getEditorState().toJSON())
    expect(saved).toContain('"$":{"role":"discussion"}')
  })

  it('reports an empty section as empty, not as fully cited, and leaves References alone', () => {
    const editor = load(briefFromTemplate('policy-brief', 'Empty').editorState)
    expect(emptySections(model(editor)).map((s) => s.title)).toEqual(['Key messages', 'Background', 'The problem', 'Options', 'Recommendations'])
    expect(uncitedParagraphs(model(editor))).toEqual([])
  })

  it('checks a section the analyst added, whatever it is called', () => {
    const editor = load(root([heading('h1', 'T'), heading('h2', 'Costs'), paragraph('The scheme would cost £40m a year.')]))
    expect(model(editor).sections[0]!.role).toBeNull()
    expect(uncitedParagraphs(model(editor)).map((u) => u.block.text)).toEqual(['The scheme would cost £40m a year.'])
  })

  it('excepts connective paragraphs, questions and a few words without a figure', () => {
    expect(makesFactualClaim('The options are:')).toBe(false)
    expect(makesFactualClaim('What should trusts do?')).toBe(false)
    expect(makesFactualClaim('In short,')).toBe(false)
    expect(makesFactualClaim('   ')).toBe(false)
    expect(makesFactualClaim('Waits rose 40%.')).toBe(true)
    expect(makesFactualClaim('Fewer doctors choose general practice as a career.')).toBe(true)
  })
})

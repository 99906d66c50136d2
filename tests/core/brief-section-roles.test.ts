import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rootOf } from '../../electron/core/briefs/content'
import { heading, paragraph, plainText, root } from '../../electron/core/briefs/nodes'
import { BriefRepository } from '../../electron/core/briefs/repository'
import { ProjectSession } from '../../electron/core/project/session'
import { SERIALIZED_BRIEF_VERSION, type SerializedBrief } from '@shared/dto/briefs'
import { roleOfHeading } from '@shared/dto/section-roles'
import { useTempDir } from '../helpers/temp'

function open(dir: string) {
  const session = ProjectSession.create(join(dir, 'roles.evident'))
  return { session, briefs: new BriefRepository(session.db) }
}

/** Each h2 of a brief with the role it carries. */
function roles(brief: SerializedBrief): [string, string | null][] {
  return (rootOf(brief).children ?? []).filter((n) => n.type === 'heading' && n.tag === 'h2').map((n) => [plainText(n), roleOfHeading(n)])
}

/** A brief as Evident saved it before sections had roles (format 1): the same headings, no `$`. */
function formatOne(...h2s: string[]): string {
  return JSON.stringify({ format: 'evident-brief', version: 1, editorState: root([heading('h1', 'Old brief'), ...h2s.flatMap((t) => [heading('h2', t), paragraph('Words here.')])]) })
}

describe('sections know their role', () => {
  const temp = useTempDir()

  it('a new brief’s sections carry their roles from the template', () => {
    const { session, briefs } = open(temp())
    expect(roles(briefs.create('A policy brief', 'policy-brief', null).content)).toEqual([
      ['Key messages', 'key-messages'],
      ['Background', 'background'],
      ['The problem', 'problem'],
      ['Options', 'options'],
      ['Recommendations', 'recommendations'],
      ['References', 'references'],
    ])
    expect(roles(briefs.create('A briefing note', 'briefing-note', null).content)).toEqual([
      ['Summary', 'summary'],
      ['Background', 'background'],
      ['Discussion', 'discussion'],
      ['Recommendation', 'recommendations'],
      ['References', 'references'],
    ])
    session.close()
  })

  it('a renamed section keeps its role through a save and a reopen', () => {
    const { session, briefs } = open(temp())
    const brief = briefs.create('Renamed', 'briefing-note', null)
    const renamed = structuredClone(brief.content)
    const discussion = rootOf(renamed).children!.find((n) => plainText(n) === 'Discussion')!
    discussion.children = [{ type: 'text', version: 1, text: 'What the evidence says', format: 0, detail: 0, mode: 'normal', style: '' }]
    briefs.save(brief.id, JSON.stringify(renamed))
    expect(roles(briefs.get(brief.id).content)).toContainEqual(['What the evidence says', 'discussion'])
    session.close()
  })

  it('a brief saved before roles existed gets them back by its template’s titles, and a title already changed gets none', () => {
    const { session, briefs } = open(temp())
    const brief = briefs.create('Old', 'briefing-note', null)
    session.db.prepare('UPDATE briefs SET content = ? WHERE id = ?').run(formatOne('Summary', 'Background', 'Context', 'Recommendation', 'References'), brief.id)
    const reopened = briefs.get(brief.id)
    expect(reopened.readOnly).toBe(false)
    expect(reopened.content.version).toBe(SERIALIZED_BRIEF_VERSION)
    expect(roles(reopened.content)).toEqual([
      ['Summary', 'summary'],
      ['Background', 'background'],
      ['Context', null],
      ['Recommendation', 'recommendations'],
      ['References', 'references'],
    ])
    // Saved again by the editor, the roles are stored with the brief.
    briefs.save(brief.id, JSON.stringify(reopened.content))
    const stored = session.db.prepare("SELECT json_extract(content, '$.version') AS v FROM briefs WHERE id = ?").get(brief.id) as { v: number }
    expect(stored.v).toBe(SERIALIZED_BRIEF_VERSION)
    session.close()
  })

  it('an old revision restores with its roles', () => {
    const { session, briefs } = open(temp())
    const brief = briefs.create('History', 'policy-brief', null)
    const { id } = session.db.prepare('SELECT id FROM brief_revisions WHERE brief_id = ? ORDER BY id LIMIT 1').get(brief.id) as { id: number }
    session.db.prepare('UPDATE brief_revisions SET content = ? WHERE id = ?').run(formatOne('Key messages', 'The problem'), id)
    expect(roles(briefs.restoreRevision(brief.id, id).content)).toEqual([
      ['Key messages', 'key-messages'],
      ['The problem', 'problem'],
    ])
    session.close()
  })
})

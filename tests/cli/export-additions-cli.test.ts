import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BriefRepository } from '../../electron/core/briefs/repository'
import { ProjectSession } from '../../electron/core/project/session'
import { noteTexts, plain, readDocx } from '../fixtures/docx-inspect'
import { rootOf } from '../../electron/core/briefs/content'
import { COMMENTS_KEY } from '@shared/dto/comments'
import { mark, paragraph, thread } from '../helpers/commented-brief'
import { useStarterProjectCli } from './run-cli'

const BRIEF = 'Should hospital trusts run general practice?'

describe('evident export switches Evident’s additions as the export dialog does', () => {
  const cli = useStarterProjectCli('evident-additions-cli-')
  const notesOf = async (name: string, ...flags: string[]) => {
    const out = join(cli.dir, name)
    const run = await cli.evident('export', '--project', cli.project, '--brief', BRIEF, '--out', out, '--style', 'vancouver', '--notes', 'footnotes', ...flags)
    expect(run.code, run.err).toBe(0)
    return noteTexts((await readDocx(out)).footnotes, 'footnote').join('\n')
  }

  it('--no-pinpoints, --no-quote-links and --no-page-links leave the style’s text alone; --quotes adds the quote; the brief keeps its own choice and style', async () => {
    expect(await notesOf('plain.docx')).toMatch(/para\.\u00a0\d+/)
    const bare = await notesOf('bare.docx', '--no-pinpoints', '--no-quote-links', '--no-page-links')
    expect(bare).not.toMatch(/para\.|Go to the quoted words|Go to the page/)
    expect(await notesOf('quoted.docx', '--quotes')).toMatch(/“[^”]{20,}”/)

    const session = ProjectSession.open(cli.project)
    const brief = new BriefRepository(session.db).summary(new BriefRepository(session.db).resolve(BRIEF))
    session.close()
    expect(brief.additions).toMatchObject({ includeQuotes: false, pinpoints: true, quoteLinks: true, pageLinks: true })
    expect([brief.style, brief.notes]).toEqual(['harvard', 'none'])
  })

  it('--comments writes the brief’s comments as Word comments, --no-comments or no flag (the brief’s default) leaves them out', async () => {
    const session = ProjectSession.open(cli.project)
    const briefs = new BriefRepository(session.db)
    const id = briefs.resolve(BRIEF)
    const content = structuredClone(briefs.get(id).content)
    rootOf(content).children!.splice(2, 0, paragraph('Care is ', mark(['t1'], 'fragmented'), '.'))
    rootOf(content).$ = { ...(rootOf(content).$ as object), [COMMENTS_KEY]: [thread('t1', 'fragmented', ['Ann Analyst', 'Where, exactly?'])] }
    briefs.save(id, JSON.stringify(content))
    session.close()
    const commentsOf = async (name: string, ...flags: string[]) => {
      const out = join(cli.dir, name)
      const run = await cli.evident('export', '--project', cli.project, '--brief', BRIEF, '--out', out, ...flags)
      expect(run.code, run.err).toBe(0)
      return plain((await readDocx(out)).comments)
    }
    expect(await commentsOf('with-comments.docx', '--comments')).toContain('Where, exactly?')
    expect(await commentsOf('no-comments.docx', '--no-comments')).toBe('')
    expect(await commentsOf('default.docx')).toBe('')
  })

  it('--toc puts a table of contents after the title and --no-toc leaves it out, whatever the brief remembers', async () => {
    const documentOf = async (name: string, ...flags: string[]) => {
      const out = join(cli.dir, name)
      const run = await cli.evident('export', '--project', cli.project, '--brief', BRIEF, '--out', out, ...flags)
      expect(run.code, run.err).toBe(0)
      return (await readDocx(out)).document
    }
    expect(await documentOf('toc.docx', '--toc')).toMatch(/TOC \\h \\o &quot;1-3&quot;[\s\S]*Key messages/)
    expect(await documentOf('no-toc.docx', '--no-toc')).not.toContain('TOC \\h')
  })
})

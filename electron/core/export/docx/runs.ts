import { ExternalHyperlink, TextRun, type IRunOptions, type ParagraphChild } from 'docx'
import type { StyledRun } from '../../citations/runs'
import type { Segment } from '../links'
import { linkTarget } from '../link-target'
import { CITED_WITHOUT_QUOTE, WHOLE_WORK } from '../../../shared/dto/claims'

type RunFormat = Omit<IRunOptions, 'children' | 'text' | 'break'>

/** One formatted piece of citeproc output as a Word run. */
export function styledRun(run: StyledRun, extra: RunFormat = {}): TextRun {
  return new TextRun({
    text: run.text,
    ...(run.italic ? { italics: true } : {}),
    ...(run.bold ? { bold: true } : {}),
    ...(run.superscript ? { superScript: true } : {}),
    ...(run.subscript ? { subScript: true } : {}),
    ...(run.smallCaps ? { smallCaps: true } : {}),
    ...(run.underline ? { underline: {} } : {}),
    ...extra,
  })
}

/** Word's own Hyperlink character style, so the organisation's template decides how links look. */
export function linkRun(text: string, extra: RunFormat = {}): TextRun {
  return new TextRun({ text, style: 'Hyperlink', ...extra })
}

/** Every external link of the document is made here, so every target is percent-encoded the one way. */
export function externalLink(url: string, children: ParagraphChild[]): ExternalHyperlink {
  return new ExternalHyperlink({ link: linkTarget(url), children })
}

export function hyperlink(url: string, text: string, extra: RunFormat = {}): ExternalHyperlink {
  return externalLink(url, [linkRun(text, extra)])
}

export function segmentChildren(segments: Segment[], extra: RunFormat = {}): ParagraphChild[] {
  return segments.map((segment) =>
    segment.kind === 'text'
      ? styledRun(segment.run, extra)
      : externalLink(segment.url, segment.runs.map((r) => styledRun(r, { ...extra, style: 'Hyperlink' }))),
  )
}

/** The red mark a forced export puts on a citation whose quote failed the integrity check. */
export function markRun(mark: string, extra: RunFormat = {}): TextRun {
  return new TextRun({ text: ` ${mark}`, bold: true, color: 'C00000', ...extra })
}

/** What stands where a quote would, for a claim citing its source as a whole work. */
export const WHOLE_WORK_TEXT = `${CITED_WITHOUT_QUOTE} (${WHOLE_WORK})`

/** The verbatim quote, in quotation marks, in its source's language where the record names one. */
export function quoteRun(c: { quote: string; quoteLanguage?: string; wholeWork?: true }, extra: RunFormat = {}): TextRun {
  if (c.wholeWork) return new TextRun({ text: WHOLE_WORK_TEXT, ...extra })
  return new TextRun({ text: `“${c.quote}”`, ...(c.quoteLanguage ? { language: { value: c.quoteLanguage } } : {}), ...extra })
}

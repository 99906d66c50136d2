import { memo, useMemo } from 'react'
import type { Paragraph, SourceDetail } from '@shared/dto/sources'
import { notesByParagraph, paragraphSegments, type Mark, type Segment } from './segments'

function SegmentView({ segment }: { segment: Segment }) {
  if (segment.note !== undefined) {
    return (
      // Described, not given the doc-noteref role: ARIA allows that role only on a link, and the note's text is
      // not somewhere the reader can go.
      <sup className="note-marker" data-seg="" data-start={segment.start} title={`Note ${segment.note}`}>
        {segment.text}
      </sup>
    )
  }
  if (segment.mark) {
    return (
      <mark className={segment.mark === 'current' ? 'find-current' : undefined} data-seg="" data-start={segment.start}>
        {segment.text}
      </mark>
    )
  }
  return (
    <span data-seg="" data-start={segment.start}>
      {segment.text}
    </span>
  )
}

interface ParagraphViewProps {
  text: string
  paragraph: Paragraph
  notes: SourceDetail['noteMarkers']
  marks: Mark[]
}

const ParagraphView = memo(function ParagraphView({ text, paragraph, notes, marks }: ParagraphViewProps) {
  const segments = paragraphSegments(text, paragraph, notes, marks)
  const body = segments.map((s) => <SegmentView key={s.start} segment={s} />)
  const n = paragraph.number
  return (
    <div className={`para para-${paragraph.kind}`} id={`p-${n}`} data-paragraph={n} data-start={paragraph.start} tabIndex={-1}>
      <span className="para-margin" aria-hidden="true">
        <span className="para-number">¶ {n}</span>
        {paragraph.page !== undefined && <span className="para-page">p. {paragraph.page}</span>}
      </span>
      {paragraph.kind === 'heading' ? (
        <h2 className="para-text" data-start={paragraph.start}>
          {body}
        </h2>
      ) : (
        <p className="para-text" data-start={paragraph.start}>
          {body}
        </p>
      )}
    </div>
  )
})

const NO_MARKS: Mark[] = []
const NO_NOTES: SourceDetail['noteMarkers'] = []

/**
 * Paragraphs are laid out in blocks of this many, each skipped by the browser while out of view
 * (content-visibility), so a 1,500-page report's 37,500 paragraphs are not all styled and laid out again when
 * the reader narrows beside the Original view. Small enough that a block is cheap to lay out when reached.
 */
const BLOCK = 40
/** Characters a line of the clean text holds, roughly: the block's height is guessed from its text until drawn. */
const CHARS_PER_LINE = 70

function blockHeight(paragraphs: Paragraph[]): string {
  const lines = paragraphs.reduce((sum, p) => sum + Math.ceil((p.end - p.start) / CHARS_PER_LINE) + 0.6, 0)
  return `auto ${Math.round(lines * 1.6)}em`
}

/** The source's paragraphs; marks only re-render the paragraphs they fall in. */
export const Paragraphs = memo(function Paragraphs({ detail, marks }: { detail: SourceDetail; marks: Mark[] }) {
  const notes = useMemo(() => notesByParagraph(detail.paragraphs, detail.noteMarkers), [detail])
  const marksByParagraph = useMemo(() => {
    const map = new Map<number, Mark[]>()
    if (marks.length === 0) return map
    for (const p of detail.paragraphs) {
      const here = marks.filter((m) => m.start >= p.start && m.end <= p.end)
      if (here.length) map.set(p.number, here)
    }
    return map
  }, [detail, marks])
  const blocks = useMemo(() => {
    const list: Paragraph[][] = []
    for (let i = 0; i < detail.paragraphs.length; i += BLOCK) list.push(detail.paragraphs.slice(i, i + BLOCK))
    return list
  }, [detail])

  return (
    <div className="paragraphs">
      {blocks.map((block) => (
        <div key={block[0]!.number} className="para-block" style={{ containIntrinsicBlockSize: blockHeight(block) }}>
          {block.map((p) => (
            <ParagraphView
              key={p.number}
              text={detail.text}
              paragraph={p}
              notes={notes.get(p.number) ?? NO_NOTES}
              marks={marksByParagraph.get(p.number) ?? NO_MARKS}
            />
          ))}
        </div>
      ))}
    </div>
  )
})

import type { CslItem } from '@shared/dto/csl'
import type { SourceDetail } from '@shared/dto/sources'
import { describeOcr } from '@shared/ocr-reading'
import { NoticeList } from '../online'

function authorNames(csl: CslItem): string {
  const names = (csl.author ?? []).map((a) => a.literal ?? [a.given, a.family].filter(Boolean).join(' ')).filter(Boolean)
  if (names.length <= 2) return names.join(' and ')
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

function container(csl: CslItem, year: string): string {
  const volume = csl.volume ? (csl.issue ? `${csl.volume}(${csl.issue})` : csl.volume) : ''
  const pages = csl.page ? `pp. ${csl.page}` : ''
  return [csl['container-title'] ?? csl.publisher, year, volume, pages].filter(Boolean).join(' · ')
}

function safeUrl(url: string | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null
}

export function SourceHeader({ detail }: { detail: SourceDetail }) {
  const { csl } = detail
  const authors = authorNames(csl) || detail.authors
  const where = container(csl, detail.year)
  const url = safeUrl(csl.URL)
  return (
    <header className="source-header">
      <h1>{detail.title}</h1>
      {authors && <p className="source-authors">{authors}</p>}
      {where && <p className="source-container">{where}</p>}
      <p className="source-file muted">
        {detail.fileName} · {detail.paragraphs.length} paragraphs
        {url && (
          <>
            {' · '}
            <a href={url} target="_blank" rel="noopener noreferrer">
              Web page
            </a>
          </>
        )}
      </p>
      {detail.ocr && (
        <p className="source-ocr" role="note">
          {describeOcr(detail.ocr)}: check quotes against the original.
        </p>
      )}
      {detail.updates && <NoticeList notices={detail.updates.notices} checkedAt={detail.updates.checkedAt} />}
    </header>
  )
}

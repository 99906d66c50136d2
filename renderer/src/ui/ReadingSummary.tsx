import type { ReferenceFileReading } from '@shared/dto/sources'

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

export interface ReadingSummaryProps {
  reading: Omit<ReferenceFileReading, 'records'>
  /** Records read from it; what became of them (attached, imported) the caller says after. */
  recordCount: number
  /** "2 new sources, 1 record updated": what importing did with the records, when it was an import. */
  outcome?: string
}

/** How many entries a reference file held, how many were read, and each one skipped with its line and why. */
export function ReadingSummary({ reading, recordCount, outcome }: ReadingSummaryProps) {
  const { read, skipped, repaired, droppedFields, cutFields } = reading
  return (
    <div className="reading-summary" role="status">
      <p>
        {reading.format} file: {plural(read, 'entry', 'entries')} found, {plural(recordCount, 'record')} read
        {outcome ? ` (${outcome})` : ''}
        {skipped.length ? `, ${plural(skipped.length, 'entry', 'entries')} skipped` : ''}.
        {droppedFields.length > 0 && ` Fields CSL does not define were left out (${droppedFields.slice(0, 8).join(', ')}${droppedFields.length > 8 ? '…' : ''}).`}
        {repaired.length > 0 && ` ${plural(repaired.length, 'entry', 'entries')} without a citation key ${repaired.length === 1 ? 'was' : 'were'} named by ${repaired.length === 1 ? 'its' : 'their'} line (${repaired.slice(0, 3).map((r) => r.key).join(', ')}${repaired.length > 3 ? '…' : ''}).`}
        {cutFields > 0 && ` ${plural(cutFields, 'value')} longer than Evident keeps ${cutFields === 1 ? 'was' : 'were'} shortened.`}
      </p>
      {skipped.length > 0 && (
        <ul className="reading-skipped" aria-label="Entries skipped">
          {skipped.slice(0, 50).map((s, i) => (
            <li key={i}>
              <strong>{s.key}</strong>
              {s.line !== undefined ? ` (line ${s.line})` : ''}: {s.reason}
            </li>
          ))}
          {skipped.length > 50 && <li>…and {plural(skipped.length - 50, 'more entry', 'more entries')}.</li>}
        </ul>
      )}
    </div>
  )
}

import type { CslItem, CslName } from '../../shared/dto/csl'

/** "van Gogh": the particle that is never dropped belongs with the family name in lists and short citations. */
function nameFamily(name: CslName): string {
  if (!name.family) return (name.literal ?? '').trim()
  return [name['non-dropping-particle'], name.family].filter(Boolean).join(' ').trim()
}

function initials(given: string | undefined): string {
  return (given ?? '')
    .split(/[\s.-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase())
    .join('')
}

/** "Jones R, Smith A" for lists. */
export function authorList(item: CslItem): string {
  return (item.author ?? [])
    .map((name) => [nameFamily(name), initials(name.given)].filter(Boolean).join(' '))
    .filter(Boolean)
    .join(', ')
}

export function issuedYear(item: CslItem): string {
  const first = item.issued?.['date-parts']?.[0]?.[0]
  if (first !== undefined && String(first).trim()) return String(first)
  const raw = item.issued?.raw ?? item.issued?.literal
  return raw?.match(/\d{4}/)?.[0] ?? ''
}

/** "Iacobucci 2014", "Jones and Smith 2020", "Jones et al. 2020", or the container for anonymous items. */
export function shortCitation(item: CslItem): string {
  const names = (item.author ?? []).map(nameFamily).filter(Boolean)
  let who: string
  if (names.length === 0) who = (item['container-title'] as string | undefined) ?? item.title ?? 'Anonymous'
  else if (names.length === 1) who = names[0]!
  else if (names.length === 2) who = `${names[0]} and ${names[1]}`
  else who = `${names[0]} et al.`
  const year = issuedYear(item)
  return year ? `${who} ${year}` : who
}

export function displayTitle(item: CslItem, fileName: string): string {
  return item.title?.trim() || fileName
}

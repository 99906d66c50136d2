import { jsonOption, wantsJson, type CliCommand } from '../command'
import { printJson } from '../output'
import { withCore } from '../project'

/** Lists what `evident import --zotero KEY...` can bring in: Zotero's own window does not show item keys. */
export const zoteroCommand: CliCommand = {
  name: 'zotero',
  summary: 'Search your running Zotero library (its local API, read-only): each item with its key and attachments, for evident import --zotero KEY.',
  usage: 'evident zotero [QUERY...] [--json]',
  options: { json: jsonOption },
  positionals: { min: 0, max: Number.POSITIVE_INFINITY },
  async run(input, io, env) {
    const query = input.positionals.join(' ')
    const result = await withCore(env, (call) => call('zotero.search', { query }))
    if (wantsJson(input)) {
      printJson(io, result)
      return 0
    }
    if (!result.items.length) io.out(query ? `No item in your Zotero library matches “${query}”.` : 'Your Zotero library has no items.')
    for (const item of result.items) {
      io.out(`${item.key}  ${item.title}${item.creators || item.year ? ` (${[item.creators, item.year].filter(Boolean).join(', ')})` : ''}`)
      for (const a of item.attachments) io.out(`          ${a.importable ? '+' : '-'} ${a.title} (${a.contentType || 'no type'}${a.importable ? '' : ', not a PDF or snapshot in Zotero’s storage'})`)
      if (!item.attachments.some((a) => a.importable)) io.out('          (no file: it would come in as a reference only)')
    }
    if (result.total > result.items.length) io.out(`${result.items.length} of ${result.total} matching items shown: add words to narrow the search.`)
    return 0
  },
}

import type { Handlers } from '../../../shared/contract/index'
import { searchZotero } from '../../net/zotero/library'

type ZoteroHandlers = Pick<Handlers, 'zotero.search'>

/** Reading the analyst's Zotero library needs no open project: the search only shows what could come in. */
export function zoteroHandlers(): ZoteroHandlers {
  return {
    'zotero.search': async ({ query }) => searchZotero(query),
  }
}

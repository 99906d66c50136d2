import type { MethodName } from './contract/index'
import type { Exact } from './exact'

/**
 * The method allowlist as plain strings, for code that must not pull zod in (the sandboxed preload is one
 * bundled file). The type check below fails the build if this list and the contract drift apart;
 * tests/preload/preload.test.ts proves it holds the same names as METHOD_NAMES, once each.
 */
export const METHOD_NAME_LIST = [
  'project.info',
  'project.open',
  'project.create',
  'project.saveCopy',
  'project.recent',
  'platform.pickOpenPaths',
  'platform.pickSavePath',
  'settings.get',
  'settings.update',
  'sources.list',
  'sources.get',
  'sources.import',
  'sources.importData',
  'sources.importAddresses',
  'sources.cancelImport',
  'sources.updateRecord',
  'sources.confirmFields',
  'sources.removeImpact',
  'sources.remove',
  'sources.original',
  'sources.search',
  'sources.importNewVersion',
  'sources.parseRecords',
  'claims.create',
  'claims.update',
  'claims.delete',
  'claims.get',
  'claims.getMany',
  'claims.snapshot',
  'claims.forSource',
  'claims.search',
  'claims.reattach',
  'claims.suggestions',
  'claims.dismissSuggestion',
  'tags.list',
  'tags.create',
  'tags.rename',
  'tags.move',
  'tags.merge',
  'tags.delete',
  'questions.list',
  'questions.create',
  'questions.rename',
  'questions.delete',
  'briefs.list',
  'briefs.get',
  'briefs.create',
  'briefs.save',
  'briefs.update',
  'briefs.duplicate',
  'briefs.delete',
  'briefs.undelete',
  'briefs.revisions',
  'briefs.restoreRevision',
  'briefs.outline',
  'citations.styles',
  'citations.addStyle',
  'citations.format',
  'export.check',
  'export.docx',
] as const satisfies readonly MethodName[]

type Listed = (typeof METHOD_NAME_LIST)[number]
const listMatchesContract: Exact<Listed, MethodName> = true
void listMatchesContract

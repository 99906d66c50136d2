import type { z } from 'zod'
import { briefsArgs, type BriefsResults } from './briefs'
import { claimsArgs, type ClaimsResults } from './claims'
import { figuresArgs, type FiguresResults } from './figures'
import { filesArgs, type FilesResults } from './files'
import { projectArgs, type ProjectResults } from './project'
import { settingsArgs, type SettingsResults } from './settings'
import { sourcesArgs, type SourcesResults } from './sources'
import { trashArgs, type TrashResults } from './trash'
import { zoteroArgs, type ZoteroResults } from './zotero'

/** The one allowlist: every method any door exposes, with the schema its argument must pass. */
export const methodArgs = { ...projectArgs, ...filesArgs, ...sourcesArgs, ...claimsArgs, ...briefsArgs, ...settingsArgs, ...trashArgs, ...zoteroArgs, ...figuresArgs }

export type MethodName = keyof typeof methodArgs
export type Results = ProjectResults & FilesResults & SourcesResults & ClaimsResults & BriefsResults & SettingsResults & TrashResults & ZoteroResults & FiguresResults

/** What a caller passes (defaults optional). */
export type Args<M extends MethodName> = z.input<(typeof methodArgs)[M]>
/** What a handler receives after validation (defaults filled in). */
export type ParsedArgs<M extends MethodName> = z.output<(typeof methodArgs)[M]>
export type Result<M extends MethodName> = Results[M]

/** Implemented once in core; main and server only validate and forward. */
export type Handlers = { [M in MethodName]: (args: ParsedArgs<M>) => Promise<Result<M>> }

export const METHOD_NAMES = Object.keys(methodArgs) as MethodName[]

// Compile-time check that every method has a result type and every result type a method.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const contractIsClosed: Exact<MethodName, keyof Results> = true
void contractIsClosed

export { cslItem } from './sources'

import { METHOD_NAMES, type Handlers } from '../../../shared/contract/index'
import { AppError } from '../../errors'

type Done = `sources.${string}` | `project.${string}` | `platform.${string}` | `claims.${string}` | `tags.${string}` | `questions.${string}` | `citations.${string}` | `export.${string}`
type Pending = Pick<Handlers, Exclude<keyof Handlers, Done>>

// TEMPORARY while the claims/briefs/export domains are built: every such method answers plainly.
export function pendingHandlers(): Pending {
  const refuse = async (): Promise<never> => {
    throw new AppError('INTERNAL', 'This part of Evident is not available yet.')
  }
  const names = METHOD_NAMES.filter((m) => !/^(sources|project|platform|claims|tags|questions|citations|export)\./.test(m))
  return Object.fromEntries(names.map((name) => [name, refuse])) as unknown as Pending
}

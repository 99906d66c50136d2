import type { Handlers } from '../../../shared/contract/index'
import { formatCitations } from '../../export/preview'
import { StyleRegistry } from '../../citations/styles'
import type { CoreContext } from '../context'

type CitationHandlers = Pick<Handlers, Extract<keyof Handlers, `citations.${string}`>>

export function citationHandlers(ctx: CoreContext): CitationHandlers {
  const styles = () => new StyleRegistry(ctx.session().db, ctx.options.resourcesDir)
  return {
    'citations.styles': async () => styles().list(),
    'citations.addStyle': async ({ fileName, xml }) => styles().add(fileName, xml),
    'citations.format': async (request) => formatCitations(ctx.session().db, ctx.options.resourcesDir, request),
  }
}

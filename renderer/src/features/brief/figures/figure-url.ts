import { useEffect, useState } from 'react'
import type { EvidentApi } from '@shared/api'
import { toEvidentError } from '../../../api/errors'

const urls = new Map<string, Promise<string>>()

/**
 * A figure's picture as a blob: address, fetched from the project once per window: undo, redo and re-renders
 * show the same address. A refusal is not kept, so a later attempt asks again.
 */
export function figureUrl(api: EvidentApi, figureId: string): Promise<string> {
  let url = urls.get(figureId)
  if (!url) {
    url = api.invoke('figures.get', { id: figureId }).then((figure) => {
      const bytes = Uint8Array.from(atob(figure.data), (c) => c.charCodeAt(0))
      return URL.createObjectURL(new Blob([bytes], { type: figure.mediaType }))
    })
    url.catch(() => urls.delete(figureId))
    urls.set(figureId, url)
  }
  return url
}

export type FigureUrl = { state: 'loading' } | { state: 'ready'; url: string } | { state: 'failed'; message: string }

export function useFigureUrl(api: EvidentApi, figureId: string): FigureUrl {
  const [result, setResult] = useState<FigureUrl>({ state: 'loading' })
  useEffect(() => {
    let live = true
    setResult({ state: 'loading' })
    figureUrl(api, figureId).then(
      (url) => live && setResult({ state: 'ready', url }),
      (error: unknown) => live && setResult({ state: 'failed', message: toEvidentError(error).message }),
    )
    return () => {
      live = false
    }
  }, [api, figureId])
  return result
}

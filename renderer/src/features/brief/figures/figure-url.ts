import { useEffect, useState } from 'react'
import type { EvidentApi } from '@shared/api'
import { toEvidentError } from '../../../api/errors'

/** The picture's address and the size to show it at (a drawn SVG's PNG has twice the pixels, to print sharp). */
export interface ShownPicture {
  url: string
  width: number
  height: number
}

const urls = new Map<string, Promise<ShownPicture>>()

/**
 * A figure's picture as a blob: address, fetched from the project once per window: undo, redo and re-renders
 * show the same address. A refusal is not kept, so a later attempt asks again.
 */
export function figureUrl(api: EvidentApi, figureId: string): Promise<ShownPicture> {
  let url = urls.get(figureId)
  if (!url) {
    url = api.invoke('figures.get', { id: figureId }).then((figure) => {
      const bytes = Uint8Array.from(atob(figure.data), (c) => c.charCodeAt(0))
      return { url: URL.createObjectURL(new Blob([bytes], { type: figure.mediaType })), width: figure.width, height: figure.height }
    })
    url.catch(() => urls.delete(figureId))
    urls.set(figureId, url)
  }
  return url
}

export type FigureUrl = { state: 'loading' } | ({ state: 'ready' } & ShownPicture) | { state: 'failed'; message: string }

export function useFigureUrl(api: EvidentApi, figureId: string): FigureUrl {
  const [result, setResult] = useState<FigureUrl>({ state: 'loading' })
  useEffect(() => {
    let live = true
    setResult({ state: 'loading' })
    figureUrl(api, figureId).then(
      (shown) => live && setResult({ state: 'ready', ...shown }),
      (error: unknown) => live && setResult({ state: 'failed', message: toEvidentError(error).message }),
    )
    return () => {
      live = false
    }
  }, [api, figureId])
  return result
}

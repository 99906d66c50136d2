import { useCallback, useEffect, useState } from 'react'
import { defaultSizes, fitSizes, limitSize, loadSizes, maxSize, saveSizes, type PaneSide, type PaneSizes } from './pane-sizes'

export interface PaneLayout {
  /** The widths as drawn in this window now. */
  sizes: PaneSizes
  max(side: PaneSide): number
  resize(side: PaneSide, width: number): void
}

/** The side columns' widths: as this window last had them (localStorage), fitted to the window as it is now. */
export function usePaneSizes(): PaneLayout {
  const [windowWidth, setWindowWidth] = useState(() => window.innerWidth)
  const [chosen, setChosen] = useState<PaneSizes>(() => loadSizes(localStorage) ?? defaultSizes(window.innerWidth))

  useEffect(() => {
    const onResize = () => setWindowWidth(window.innerWidth)
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [])

  const sizes = fitSizes(chosen, windowWidth)
  const resize = useCallback(
    (side: PaneSide, width: number) => {
      setChosen((current) => {
        const fitted = fitSizes(current, windowWidth)
        const next = { ...fitted, [side]: Math.min(limitSize(side, width), maxSize(side, fitted, windowWidth)) }
        saveSizes(localStorage, next)
        return next
      })
    },
    [windowWidth],
  )
  return { sizes, max: (side) => maxSize(side, sizes, windowWidth), resize }
}

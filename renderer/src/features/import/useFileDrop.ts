import { useEffect, useRef, useState } from 'react'
import { listen, removeAll } from '../../ui/listen'

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files')
}

/** True while files from the desktop are dragged over the window; calls onDrop with them. */
export function useFileDrop(onDrop: (files: File[]) => void): boolean {
  const [over, setOver] = useState(false)
  const latest = useRef(onDrop)
  useEffect(() => {
    latest.current = onDrop
  })

  useEffect(() => {
    // dragenter/dragleave fire for every child crossed: count them so the overlay does not flicker.
    let depth = 0
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      depth += 1
      setOver(true)
    }
    const overWindow = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setOver(false)
    }
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      // Without this the browser would navigate to the dropped file.
      depth = 0
      setOver(false)
      // A drop target in the page (the brief) took these files and asked for the import itself.
      if (e.defaultPrevented) return
      e.preventDefault()
      const files = Array.from(e.dataTransfer?.files ?? [])
      if (files.length) latest.current(files)
    }
    const removals = [listen(window, 'dragenter', enter), listen(window, 'dragover', overWindow), listen(window, 'dragleave', leave), listen(window, 'drop', drop)]
    return () => removeAll(removals)
  }, [])

  return over
}

import type { ReactNode } from 'react'
import { PANE_LIMITS } from './pane-sizes'
import { PaneDivider } from './PaneDivider'
import type { FocusMode } from './useFocusMode'
import { usePaneSizes } from './usePaneSizes'

interface Props {
  focus: FocusMode
  left: ReactNode
  reader: ReactNode
  /** The brief column, given the divider to put at its left edge (inside its landmark, as all content must be). */
  brief(divider: ReactNode): ReactNode
}

/**
 * The three columns and the dividers between them. Every column stays mounted in focus mode (hidden, not
 * removed), so the reader keeps its source and scroll position and the claims library its search.
 */
export function Panes({ focus, left, reader, brief }: Props) {
  const layout = usePaneSizes()
  const { sizes } = layout
  const showLeft = !focus.on || focus.claimsOpen
  const showReader = !focus.on
  const columns = [showLeft && `${sizes.left}px`, showReader && 'minmax(0, 1fr)', showReader ? `${sizes.right}px` : 'minmax(0, 1fr)']

  return (
    <div className={`panes${focus.on ? ' focus-mode' : ''}`} style={{ gridTemplateColumns: columns.filter(Boolean).join(' ') }}>
      <section className="pane-column pane-column-left" aria-label="Sources and claims" hidden={!showLeft}>
        {left}
        <PaneDivider
          label="Resize the sources and claims column"
          value={sizes.left}
          min={PANE_LIMITS.left.min}
          max={layout.max('left')}
          direction={1}
          onChange={(w) => layout.resize('left', w)}
        />
      </section>
      <div className="pane-column" hidden={!showReader}>
        {reader}
      </div>
      {brief(
        showReader && (
          <PaneDivider
            label="Resize the brief column"
            value={sizes.right}
            min={PANE_LIMITS.right.min}
            max={layout.max('right')}
            direction={-1}
            onChange={(w) => layout.resize('right', w)}
          />
        ),
      )}
    </div>
  )
}

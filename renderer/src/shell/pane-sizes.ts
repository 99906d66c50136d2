/**
 * The widths of the two side columns (sources on the left, the brief on the right), the reader taking what
 * is left. Pure, so the arithmetic is tested without a window: the analyst's chosen widths are kept as they
 * chose them, and only fitted to the window when drawn, so making the window smaller and larger again
 * gives the same layout back.
 */
export interface PaneSizes {
  left: number
  right: number
}

export type PaneSide = keyof PaneSizes

/** Each column's bounds in CSS pixels; the reader never shrinks below READER_MIN while both are shown. */
export const PANE_LIMITS: Record<PaneSide, { min: number; max: number }> = {
  left: { min: 200, max: 560 },
  right: { min: 320, max: 1400 },
}
export const READER_MIN = 240
/** One arrow key press moves a divider this far; with Shift, four times as far. */
export const KEY_STEP = 24

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n))

/** A first layout that gives the brief real room: about two fifths of the window, never under 340 px. */
export function defaultSizes(windowWidth: number): PaneSizes {
  return { left: Math.round(clamp(windowWidth * 0.2, 220, 300)), right: Math.round(clamp(windowWidth * 0.4, 340, 760)) }
}

/** Bounds one column to its limits. */
export function limitSize(side: PaneSide, width: number): number {
  return Math.round(clamp(width, PANE_LIMITS[side].min, PANE_LIMITS[side].max))
}

/**
 * The widths to draw in a window this wide: each within its limits and, when the window is too narrow for
 * all three columns, the brief giving way first (down to its minimum), then the sources column.
 */
export function fitSizes(sizes: PaneSizes, windowWidth: number): PaneSizes {
  let left = limitSize('left', sizes.left)
  let right = limitSize('right', sizes.right)
  const room = windowWidth - READER_MIN
  if (left + right > room) right = Math.max(PANE_LIMITS.right.min, room - left)
  if (left + right > room) left = Math.max(PANE_LIMITS.left.min, room - right)
  return { left, right }
}

/** The largest width this column can take now, the other column and the reader keeping their minimums. */
export function maxSize(side: PaneSide, sizes: PaneSizes, windowWidth: number): number {
  const other = side === 'left' ? sizes.right : sizes.left
  return Math.max(PANE_LIMITS[side].min, Math.min(PANE_LIMITS[side].max, windowWidth - READER_MIN - other))
}

const STORAGE_KEY = 'evident.panes.v1'

/** The widths this window last had, if they were stored and still make sense. */
export function loadSizes(storage: Pick<Storage, 'getItem'>): PaneSizes | null {
  try {
    const raw: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null')
    if (!raw || typeof raw !== 'object') return null
    const { left, right } = raw as Record<string, unknown>
    if (typeof left !== 'number' || typeof right !== 'number' || !Number.isFinite(left) || !Number.isFinite(right)) return null
    return { left: limitSize('left', left), right: limitSize('right', right) }
  } catch {
    return null
  }
}

export function saveSizes(storage: Pick<Storage, 'setItem'>, sizes: PaneSizes): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(sizes))
  } catch {
    // A full or disabled storage only loses the remembered widths.
  }
}

import { z } from 'zod'
import { DEFAULT_ADDITIONS, type EvidentAdditions } from '../../shared/dto/briefs'
import { DEFAULT_LAYOUT, TARGET_LIMITS, type BriefLayout, type TargetLength } from '../../shared/dto/brief-layout'
import { parseChecked } from '../db/stored'

/**
 * The per-brief settings kept as versioned JSON columns beside the brief (export additions, layout). A missing,
 * unreadable or other-version value is the defaults, never a failure to open the brief.
 */
function readVersioned(text: string | null): Record<string, unknown> | null {
  const stored = text ? parseChecked(z.record(z.string(), z.unknown()), text) : undefined
  return stored?.v === 1 ? stored : null
}

function pickBoolean<T extends object>(stored: Record<string, unknown>, defaults: T, key: keyof T & string): boolean {
  return typeof stored[key] === 'boolean' ? (stored[key] as boolean) : (defaults[key] as boolean)
}

export function readAdditions(text: string | null): EvidentAdditions {
  const stored = readVersioned(text)
  if (!stored) return { ...DEFAULT_ADDITIONS }
  const pick = (key: keyof EvidentAdditions) => pickBoolean(stored, DEFAULT_ADDITIONS, key)
  return { includeQuotes: pick('includeQuotes'), pinpoints: pick('pinpoints'), quoteLinks: pick('quoteLinks'), pageLinks: pick('pageLinks'), appendix: pick('appendix'), comments: pick('comments'), tableOfContents: pick('tableOfContents') }
}

export const writeAdditions = (additions: EvidentAdditions): string => JSON.stringify({ v: 1, ...additions })

/** A stored target outside today's limits (edited by hand) is dropped rather than shown as if valid. */
function readTarget(value: unknown): TargetLength | null {
  if (!value || typeof value !== 'object') return null
  const { unit, value: n } = value as { unit?: unknown; value?: unknown }
  if (unit !== 'pages' && unit !== 'words') return null
  if (typeof n !== 'number' || !Number.isInteger(n) || n < TARGET_LIMITS[unit].min || n > TARGET_LIMITS[unit].max) return null
  return { unit, value: n }
}

export function readLayout(text: string | null): BriefLayout {
  const stored = readVersioned(text)
  if (!stored) return { ...DEFAULT_LAYOUT }
  return {
    numberedParagraphs: pickBoolean(stored, DEFAULT_LAYOUT, 'numberedParagraphs'),
    keyMessagesBox: pickBoolean(stored, DEFAULT_LAYOUT, 'keyMessagesBox'),
    target: readTarget(stored.target),
  }
}

export const writeLayout = (layout: BriefLayout): string => JSON.stringify({ v: 1, ...layout })

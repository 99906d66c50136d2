import { z } from 'zod'
import type { CslItem } from '../dto/csl'
import {
  CSL_DATE_FIELDS,
  CSL_LONG_FIELDS,
  CSL_NAME_FIELDS,
  CSL_NUMBER_FIELDS,
  CSL_STRING_FIELDS,
  MAX_CSL_LONG_CHARS,
  MAX_CSL_NAMES,
  MAX_CSL_STRING_CHARS,
} from '../dto/csl-fields'

const flag = z.union([z.string().max(10), z.number(), z.boolean()]).optional()

const cslName = z.object({
  family: z.string().max(500).optional(),
  given: z.string().max(500).optional(),
  literal: z.string().max(1000).optional(),
  'non-dropping-particle': z.string().max(500).optional(),
  'dropping-particle': z.string().max(500).optional(),
  suffix: z.string().max(500).optional(),
  'comma-suffix': flag,
  'static-ordering': flag,
  'parse-names': flag,
})

const cslDate = z.object({
  'date-parts': z.array(z.array(z.union([z.number().int(), z.string().max(10)])).max(3)).max(2).optional(),
  season: z.union([z.string().max(100), z.number()]).optional(),
  circa: z.union([z.string().max(20), z.number(), z.boolean()]).optional(),
  raw: z.string().max(100).optional(),
  literal: z.string().max(100).optional(),
})

const url = z
  .string()
  .max(4000)
  .refine((u) => u === '' || /^(https?:\/\/|mailto:)/i.test(u), 'A URL must start with http://, https:// or mailto:.')

function fields(): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {}
  for (const field of CSL_NAME_FIELDS) shape[field] = z.array(cslName).max(MAX_CSL_NAMES).optional()
  for (const field of CSL_DATE_FIELDS) shape[field] = cslDate.optional()
  for (const field of CSL_NUMBER_FIELDS) shape[field] = z.string().max(100).optional()
  for (const field of CSL_STRING_FIELDS) shape[field] = z.string().max(CSL_LONG_FIELDS.has(field) ? MAX_CSL_LONG_CHARS : MAX_CSL_STRING_CHARS).optional()
  shape.URL = url.optional()
  return shape
}

/**
 * A CSL-JSON record: every variable the CSL schema defines, each in its shape and within a limit; a field the
 * schema does not define is left out (not refused, so a record stored by an older Evident still saves).
 */
export const cslItem: z.ZodType<CslItem> = z.object({ id: z.string().max(200), type: z.string().min(1).max(50), ...fields() })

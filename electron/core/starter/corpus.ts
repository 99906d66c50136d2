import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { cslItem } from '../../shared/contract/csl'
import { readBundled } from '../db/stored'
import type { ProjectSession } from '../project/session'
import { extractDocument } from '../sources/extract'
import { seedStarterBrief } from './brief'
import { seedStarterClaims } from './claims'
import { starterProvenance } from './provenance'

// Each record is a CSL item (checked as the contract checks one) with the file it describes and what was checked of it.
const starterManifest = z.object({
  items: z.array(
    z.intersection(
      cslItem,
      z.object({ file: z.string(), provenance: z.object({ checked: z.array(z.string()).optional(), inferred: z.array(z.string()).optional() }).optional() }),
    ),
  ),
})

/** Fills a new project with the bundled starter corpus and its checked bibliographic records. */
export async function seedStarterCorpus(session: ProjectSession, resourcesDir: string): Promise<void> {
  const corpusDir = join(resourcesDir, 'corpus')
  const manifestFile = join(corpusDir, 'sources.json')
  const manifest = readBundled(starterManifest, manifestFile, readFileSync(manifestFile, 'utf8'))
  for (const record of manifest.items) {
    const { file, provenance: stated, id: _id, ...csl } = record
    const bytes = new Uint8Array(readFileSync(join(corpusDir, file)))
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    if (session.sources.findByHash(sha256)) continue
    const document = await extractDocument(file, bytes, { titleHint: csl.title })
    session.sources.insert({ fileName: file, bytes, sha256, document, csl, provenance: starterProvenance(csl, stated) })
  }
  seedStarterClaims(session, resourcesDir)
  seedStarterBrief(session, resourcesDir)
}

import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CslItem } from '../../shared/dto/csl'
import type { ProjectSession } from '../project/session'
import { extractDocument } from '../sources/extract'
import { seedStarterBrief } from './brief'
import { seedStarterClaims } from './claims'
import { starterProvenance, type StarterProvenance } from './provenance'

interface StarterRecord extends CslItem {
  file: string
  provenance?: StarterProvenance
}

/** Fills a new project with the bundled starter corpus and its checked bibliographic records. */
export async function seedStarterCorpus(session: ProjectSession, resourcesDir: string): Promise<void> {
  const corpusDir = join(resourcesDir, 'corpus')
  const manifest = JSON.parse(readFileSync(join(corpusDir, 'sources.json'), 'utf8')) as { items: StarterRecord[] }
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

import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EVENT_NAMES } from '@shared/events'
import { rendererSources, sourceFiles } from '../helpers/renderer-sources'

const ELECTRON = join(__dirname, '../../electron')

/** The doors and the core, which send the events (shared only names them). */
const senders = sourceFiles(ELECTRON, /\.ts$/)
  .filter((path) => !relative(ELECTRON, path).startsWith('shared'))
  .map((path) => ({ name: relative(ELECTRON, path), text: readFileSync(path, 'utf8') }))
const renderer = rendererSources()

const quoted = (event: string) => `'${event.replace('.', '\\.')}'`

function sentAndHeard(event: string) {
  const sent = senders.some((f) => new RegExp(`\\.emit\\(\\s*${quoted(event)}`).test(f.text))
  // Heard through api.on, useEvent, or among the events a useCoreList list is asked again on.
  const heard = renderer.some(
    (f) => new RegExp(`(\\.on|useEvent)\\(\\s*${quoted(event)}`).test(f.text) || new RegExp(`useCoreList\\([\\s\\S]*?\\[[^\\]]*${quoted(event)}`).test(f.text),
  )
  return { event, sent, heard }
}

describe('the events the core sends to the window', () => {
  it('every event listed for the preload is sent by the core or main, and heard in the app (not only in a test)', () => {
    expect(EVENT_NAMES.map(sentAndHeard)).toEqual(EVENT_NAMES.map((event) => ({ event, sent: true, heard: true })))
  })

  it('would name an event nobody sends or hears', () => {
    expect(sentAndHeard('sources.vanished')).toEqual({ event: 'sources.vanished', sent: false, heard: false })
  })
})

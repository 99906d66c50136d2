// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_ADDITIONS, type BriefSummary } from '@shared/dto/briefs'
import type { IntegrityReport, StyleInfo } from '@shared/dto/citations'
import type { ErrorCode } from '@shared/errors'
import { EvidentError } from '../../renderer/src/api/errors'
import { ExportUi, requestExport } from '../../renderer/src/features/export'
import { ToastProvider } from '../../renderer/src/ui/Toast'
import { fakeApi, recordInvokes, withApi, type InvokeCall } from '../helpers/fake-api'
import { DEFAULT_LAYOUT } from '@shared/dto/brief-layout'

const api = fakeApi()

const brief = (id: string, title: string, updatedAt: string): BriefSummary => ({
  id,
  title,
  questionId: null,
  template: 'policy-brief',
  style: 'vancouver',
  notes: 'footnotes',
  revision: 3,
  updatedAt,
  citationCount: 3,
  additions: { ...DEFAULT_ADDITIONS },
  layout: DEFAULT_LAYOUT,
})
const BRIEFS = [brief('b1', 'Older brief', '2024-01-01T00:00:00Z'), brief('b2', 'Should hospital trusts run general practice?', '2024-05-01T00:00:00Z')]
const STYLES: StyleInfo[] = [
  { id: 'vancouver', title: 'Vancouver', kind: 'numeric', builtin: true },
  { id: 'harvard', title: 'Harvard Cite Them Right', kind: 'author-date', builtin: true },
]
const OK: IntegrityReport = { briefId: 'b2', ok: true, citationCount: 3, items: [], accessibility: [], guessedReferences: [], citedWithoutQuote: [], sourceNotices: [], leftOut: [] }
const CHANGED: IntegrityReport = {
  briefId: 'b2',
  ok: false,
  citationCount: 3,
  items: [
    {
      claimId: 'c1',
      status: 'changed',
      quote: 'Trusts ran 12 practices in 2016.',
      sourceTitle: 'Vertical integration in the NHS',
      found: 'Trusts ran 21 practices in 2016.',
      detail: 'The words at paragraph 4 now differ from the quote.',
    },
  ],
  accessibility: [],
  guessedReferences: [],
  citedWithoutQuote: [],
  sourceNotices: [],
  leftOut: [],
}

const calls: InvokeCall[] = []
let handle: (method: string, args: unknown) => unknown
const invoked = (method: string) => calls.filter((c) => c.method === method).map((c) => c.args)

beforeEach(() => {
  for (const b of BRIEFS) b.additions = { ...DEFAULT_ADDITIONS }
  recordInvokes(api, calls, (method, args) => handle(method, args))
})
afterEach(cleanup)

/** The handle the door gives for the place the analyst chose: the window never sees where it is. */
const PLACE = `fh_${'W'.repeat(43)}`

/** The core refusing one method, with the code and message it gives. */
function refusing(method: string, code: ErrorCode, message: string): Record<string, () => never> {
  return {
    [method]: () => {
      throw new EvidentError(code, message)
    },
  }
}

function base(overrides: Record<string, (args: unknown) => unknown>) {
  return (method: string, args: unknown) => {
    if (overrides[method]) return overrides[method](args)
    if (method === 'briefs.list') return BRIEFS
    if (method === 'citations.styles') return STYLES
    if (method === 'project.info') return { path: '/home/analyst/GP.evident', name: 'GP', schemaVersion: 1, sourceCount: 5, claimCount: 9, briefCount: 2 }
    if (method === 'briefs.update') {
      // As the core does: the additions sent are merged into those the brief already has.
      const patch = args as Partial<BriefSummary> & { id: string }
      const stored = BRIEFS.find((b) => b.id === patch.id)!
      stored.additions = { ...stored.additions, ...patch.additions }
      return { ...stored, ...patch, additions: stored.additions }
    }
    if (method === 'export.check') return OK
    if (method === 'files.pickForWriting') return { file: { handle: PLACE, name: 'out.docx' } }
    if (method === 'export.docx') return { path: 'out.docx', bytes: 9000, citations: 3, report: OK }
    throw new Error(`unexpected ${method}`)
  }
}

async function openDialog(briefId?: string) {
  render(
    <ToastProvider>
      <div id="root" />
      <ExportUi />
    </ToastProvider>,
    withApi(api),
  )
  act(() => requestExport(briefId))
  const dialog = await screen.findByRole('dialog', { name: 'Export to Word' })
  const brief = await within(dialog).findByRole('combobox', { name: 'Brief' })
  // Keyboard users start on the brief once the lists load, not on a vanished "Loading" control.
  await waitFor(() => expect(document.activeElement).toBe(brief))
  return dialog
}

describe('exporting a brief whose quotes no longer match', () => {
  it('lists what changed, writes nothing, and "Export anyway" exports with force', async () => {
    handle = base({ 'export.check': () => CHANGED })
    const dialog = await openDialog()
    // The most recently updated brief is chosen for the analyst.
    expect((within(dialog).getByRole('combobox', { name: 'Brief' }) as HTMLSelectElement).value).toBe('b2')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export…' }))
    const problems = await within(dialog).findByRole('region', { name: '1 cited quote no longer matches its source' })
    expect(problems.textContent).toContain('Vertical integration in the NHS')
    expect(problems.textContent).toContain('Trusts ran 21 practices in 2016.')
    expect(problems.textContent).toContain('The words at paragraph 4 now differ from the quote.')
    expect(invoked('export.docx')).toEqual([])
    expect(invoked('files.pickForWriting')).toEqual([])

    fireEvent.click(within(dialog).getByRole('button', { name: 'Export anyway (mark them)' }))
    await waitFor(() => expect(invoked('export.docx')).toHaveLength(1))
    expect(invoked('files.pickForWriting')[0]).toMatchObject({ title: 'Export to Word', suggestedName: 'Should hospital trusts run general practice.docx' })
    expect(invoked('export.docx')[0]).toEqual({
      briefId: 'b2',
      target: PLACE,
      style: 'vancouver',
      notes: 'footnotes',
      includeQuotes: false,
      pinpoints: true,
      quoteLinks: true,
      pageLinks: true,
      appendix: false,
      comments: false,
      tableOfContents: false,
      force: true,
    })
    await waitFor(() => expect(document.body.textContent).toContain('Exported to out.docx — 3 citations'))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('Cancel goes back to the options without exporting', async () => {
    handle = base({ 'export.check': () => CHANGED })
    const dialog = await openDialog()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export…' }))
    await within(dialog).findByRole('button', { name: 'Export anyway (mark them)' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(within(dialog).getByRole('combobox', { name: 'Brief' })).toBeTruthy()
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Export…' })))
    expect(invoked('export.docx')).toEqual([])
  })
})

describe('choosing a style and notes', () => {
  /** The dialog for brief b1 (Vancouver, footnotes) with Harvard and Word endnotes chosen for this export. */
  async function openInHarvardEndnotes(): Promise<HTMLElement> {
    handle = base({})
    const dialog = await openDialog('b1')
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Citation style' }), { target: { value: 'harvard' } })
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Word endnotes' }))
    return dialog
  }

  it('shows the core’s message for a hostile .csl file and keeps the style', async () => {
    const message = 'evil.csl contains a DOCTYPE; Evident refuses styles with entities.'
    handle = base(refusing('citations.addStyle', 'INVALID_INPUT', message))
    const dialog = await openDialog()
    const xml = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><style/>'
    fireEvent.change(within(dialog).getByLabelText('Citation style file (.csl)'), { target: { files: [new File([xml], 'evil.csl', { type: 'application/xml' })] } })
    expect((await within(dialog).findByRole('alert')).textContent).toBe(message)
    expect(invoked('citations.addStyle')).toEqual([{ fileName: 'evil.csl', xml }])
    expect((within(dialog).getByRole('combobox', { name: 'Citation style' }) as HTMLSelectElement).value).toBe('vancouver')
    expect(invoked('briefs.update')).toEqual([])
  })

  it('exports once in another style and note mode without changing the brief’s own', async () => {
    const dialog = await openInHarvardEndnotes()
    const keep = within(dialog).getByRole('checkbox', { name: /Make these the brief’s style and notes/ }) as HTMLInputElement
    expect(keep.checked).toBe(false)
    expect(keep.closest('label')!.textContent).toContain('the brief keeps Vancouver, word footnotes')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(invoked('export.docx')).toHaveLength(1))
    expect(invoked('export.docx')[0]).toMatchObject({ briefId: 'b1', style: 'harvard', notes: 'endnotes' })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(invoked('briefs.update')).toEqual([])
  })

  it('makes them the brief’s style and notes when the analyst asks, once the export is written', async () => {
    const dialog = await openInHarvardEndnotes()
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Make these the brief’s style and notes/ }))
    expect(invoked('briefs.update')).toEqual([])
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(invoked('briefs.update')).toEqual([{ id: 'b1', style: 'harvard', notes: 'endnotes' }]))
  })

  it('switches each of Evident’s additions, saves the choice on the brief and exports with it', async () => {
    handle = base({})
    const dialog = await openDialog('b1')
    const box = (name: RegExp) => within(dialog).getByRole('checkbox', { name }) as HTMLInputElement
    expect([box(/verbatim quote/).checked, box(/paragraph or page/).checked, box(/Go to the quoted words/).checked, box(/Evidence appendix/).checked]).toEqual([
      false,
      true,
      true,
      false,
    ])
    fireEvent.click(box(/verbatim quote/))
    fireEvent.click(box(/paragraph or page/))
    fireEvent.click(box(/Go to the quoted words/))
    expect(box(/table of contents/).checked).toBe(false)
    fireEvent.click(box(/table of contents/))
    await waitFor(() =>
      expect(invoked('briefs.update')).toEqual([
        { id: 'b1', additions: { includeQuotes: true } },
        { id: 'b1', additions: { pinpoints: false } },
        { id: 'b1', additions: { quoteLinks: false } },
        { id: 'b1', additions: { tableOfContents: true } },
      ]),
    )
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(invoked('export.docx')).toHaveLength(1))
    expect(invoked('export.docx')[0]).toMatchObject({ includeQuotes: true, pinpoints: false, quoteLinks: false, appendix: false, tableOfContents: true })
  })
})

describe('choosing where to save (the door decides how: a save dialog, or a browser download)', () => {
  it('a cancelled choice exports nothing and leaves the dialog as it was', async () => {
    handle = base({ 'files.pickForWriting': () => ({ file: null }) })
    const dialog = await openDialog()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(invoked('files.pickForWriting')).toHaveLength(1))
    expect(invoked('export.docx')).toEqual([])
    expect(screen.getByRole('dialog', { name: 'Export to Word' })).toBeTruthy()
    expect(within(dialog).queryByRole('alert')).toBeNull()
  })

  it('shows the core’s message when the write fails, and stays open to try again', async () => {
    const missing = '“Brief.docx” could not be saved: the folder “/nowhere” does not exist.'
    handle = base(refusing('export.docx', 'NOT_FOUND', missing))
    const dialog = await openDialog()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export…' }))
    expect((await within(dialog).findByRole('alert')).textContent).toBe(missing)
    expect(invoked('export.docx')[0]).toMatchObject({ target: PLACE, force: false })
    expect(screen.getByRole('dialog', { name: 'Export to Word' })).toBeTruthy()
  })
})

// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Paragraph } from '@shared/dto/sources'
import { ClaimsProvider } from '../../renderer/src/features/claims/ClaimsProvider'
import { ReaderWithClaims } from '../../renderer/src/features/claims/ReaderWithClaims'
import { EMPTY_SELECTION } from '../../renderer/src/features/claims/selection-draft'
import { ToastProvider } from '../../renderer/src/ui/Toast'
import { fakeApi, withApi } from '../helpers/fake-api'

const api = fakeApi()

const TITLE = 'Who should run general practice?'
const BODY = 'Trusts say ‘integration works.’ 1 Partners disagree strongly.'
const TEXT = `${TITLE}\n\n${BODY}`
const P2 = TITLE.length + 2
const MARKER = P2 + BODY.indexOf(' 1 ') + 1
const PARAGRAPHS: Paragraph[] = [
  { number: 1, kind: 'heading', text: TITLE, start: 0, end: TITLE.length },
  { number: 2, kind: 'paragraph', text: BODY, start: P2, end: TEXT.length, page: '7' },
]

/** The reader's markup: paragraphs with a hidden margin and runs of text, the note marker a superscript. */
function FakeReader() {
  const run = (start: number, end: number) => (
    <span data-seg="" data-start={start}>
      {TEXT.slice(start, end)}
    </span>
  )
  return (
    <article>
      <div className="para" id="p-1" data-start={0}>
        <span aria-hidden="true">¶ 1</span>
        <h2 data-start={0}>{run(0, TITLE.length)}</h2>
      </div>
      <div className="para" id="p-2" data-start={P2}>
        <span aria-hidden="true">¶ 2</span>
        <p data-start={P2}>
          {run(P2, MARKER)}
          <sup data-seg="" data-start={MARKER}>
            1
          </sup>
          {run(MARKER + 1, TEXT.length)}
        </p>
      </div>
    </article>
  )
}

const calls: { method: string; args: unknown }[] = []

beforeEach(() => {
  calls.length = 0
  vi.mocked(api.invoke).mockImplementation((async (method: string, args: unknown) => {
    calls.push({ method, args })
    if (method === 'sources.get') return { id: 's1', title: 'Integration', text: TEXT, paragraphs: PARAGRAPHS }
    if (method === 'sources.list') return [{ id: 's1', title: 'Integration' }]
    if (method === 'claims.create') return { id: 'c1' }
    return []
  }) as typeof api.invoke)
  render(
    <ToastProvider>
      <ClaimsProvider>
        <ReaderWithClaims sourceId="s1">
          <FakeReader />
        </ReaderWithClaims>
      </ClaimsProvider>
    </ToastProvider>,
    withApi(api),
  )
})

afterEach(() => {
  cleanup()
  document.getSelection()?.removeAllRanges()
})

function select(fromNode: Text, from: number, toNode: Text, to: number) {
  const range = document.createRange()
  range.setStart(fromNode, from)
  range.setEnd(toNode, to)
  const selection = document.getSelection()!
  selection.removeAllRanges()
  selection.addRange(range)
}

function textOf(needle: string): Text {
  const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n instanceof Text && n.data.startsWith(needle)) return n
  throw new Error(`No text starting ${needle}`)
}

function pressCtrlEnter() {
  act(() => {
    fireEvent.keyDown(document, { key: 'Enter', ctrlKey: true })
  })
}

describe('turning a reader selection into a claim', () => {
  it('says the selection is empty when nothing is selected, and opens no form', async () => {
    const node = textOf(' Partners')
    select(node, 3, node, 3)
    pressCtrlEnter()
    expect(await screen.findByText(EMPTY_SELECTION)).toBeTruthy()
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('says the selection is empty when only whitespace is selected', async () => {
    const node = textOf('Trusts')
    select(node, node.length - 1, node, node.length)
    pressCtrlEnter()
    expect(await screen.findByText(EMPTY_SELECTION)).toBeTruthy()
    expect(calls.some((c) => c.method === 'sources.get')).toBe(false)
  })

  it('opens the claim form with the quote and creates the claim at the source offsets, across the note marker', async () => {
    const from = textOf('Trusts')
    const to = textOf(' Partners')
    select(from, from.data.indexOf('integration'), to, ' Partners'.length)
    pressCtrlEnter()
    const dialog = await screen.findByRole('dialog', { name: 'New claim' })
    const quote = 'integration works.’ 1 Partners'
    expect(screen.getByLabelText('Quote').textContent).toBe(quote)
    expect(dialog.textContent).toContain('¶ 2, p. 7')
    expect((screen.getByLabelText('Statement') as HTMLTextAreaElement).value).toBe(quote)
    fireEvent.click(screen.getByRole('button', { name: 'Create claim' }))
    await waitFor(() => expect(calls.find((c) => c.method === 'claims.create')).toBeTruthy())
    const start = TEXT.indexOf('integration')
    expect(calls.find((c) => c.method === 'claims.create')!.args).toMatchObject({ sourceId: 's1', start, end: start + quote.length, exact: quote })
  })

  it('cuts a quote that spans paragraphs from the source text, blank line included', async () => {
    const from = textOf('Who')
    const to = textOf('Trusts')
    select(from, from.data.indexOf('practice?'), to, 'Trusts'.length)
    pressCtrlEnter()
    await screen.findByRole('dialog', { name: 'New claim' })
    expect(screen.getByLabelText('Quote').textContent).toBe('practice?\n\nTrusts')
  })
})

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CslItem } from '@shared/dto/csl'
import { fakeApi, withApi } from '../helpers/fake-api'

const invoke = vi.fn()
const api = fakeApi((...args: unknown[]) => invoke(...args))

const { RecordForm } = await import('../../renderer/src/features/record/RecordForm')
const { cslFromFields, fieldsFromCsl, urlError } = await import('../../renderer/src/features/record/record-model')

const record: CslItem = {
  id: 'iacobucci-2014-bmj',
  type: 'article-journal',
  title: 'Hospitals could run general practice services in underserved areas',
  author: [{ family: 'Iacobucci', given: 'Gareth' }],
  'container-title': 'BMJ',
  volume: '349',
  page: 'g6055',
  issued: { 'date-parts': [[2014, 10, 3]] },
  note: 'Kept as it is: the form does not show notes.',
}

function renderForm(onSaved = vi.fn()) {
  render(
    <>
      <RecordForm formId="record" sourceId="s1" csl={record} provenance={{}} onSaved={onSaved} />
      <button type="submit" form="record">
        Save record
      </button>
    </>,
    withApi(api),
  )
  return onSaved
}

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save record' }))

beforeEach(() => {
  invoke.mockReset()
  // jsdom does no layout, so it has no scrollIntoView; the form uses it to bring an error into view.
  Element.prototype.scrollIntoView = vi.fn()
})
afterEach(cleanup)

describe('the record form', () => {
  it('refuses a javascript: URL with an inline message and sends nothing', async () => {
    renderForm()
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'javascript:alert(1)' } })
    save()
    expect(await screen.findByText('Only http:// and https:// web addresses are allowed.')).toBeTruthy()
    expect(screen.getByLabelText('URL').getAttribute('aria-invalid')).toBe('true')
    // The analyst is taken to the field to fix.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('URL')))
    expect(invoke).not.toHaveBeenCalled()
  })

  it('refuses other schemes and half-written addresses too', () => {
    for (const bad of ['JavaScript:alert(1)', ' data:text/html,<b>x</b>', 'file:///etc/passwd', 'vbscript:msgbox', 'www.bmj.com']) {
      expect(urlError(bad)).toBeTruthy()
    }
    expect(urlError('https://www.bmj.com/content/349/bmj.g6055')).toBeUndefined()
    expect(urlError('')).toBeUndefined()
  })

  it('saves an https URL with the edited fields and keeps the fields it does not show', async () => {
    invoke.mockResolvedValue({})
    const onSaved = renderForm()
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'https://www.bmj.com/content/349/bmj.g6055' } })
    fireEvent.change(screen.getByLabelText('Given name, author 1'), { target: { value: 'G' } })
    save()
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    const [method, args] = invoke.mock.calls[0]!
    expect(method).toBe('sources.updateRecord')
    expect(args.id).toBe('s1')
    expect(args.csl).toMatchObject({
      URL: 'https://www.bmj.com/content/349/bmj.g6055',
      author: [{ family: 'Iacobucci', given: 'G' }],
      issued: { 'date-parts': [[2014, 10, 3]] },
      note: record.note,
    })
  })

  it("shows the core's message inline when saving fails", async () => {
    invoke.mockImplementation(async () => {
      throw { code: 'INVALID_INPUT', message: 'A title may be at most 2000 characters.' }
    })
    renderForm()
    save()
    expect(await screen.findByText('A title may be at most 2000 characters.')).toBeTruthy()
  })

  it('turns year, month and day into CSL date parts and drops emptied fields', () => {
    const fields = { ...fieldsFromCsl(record), year: '2015', month: '', day: '', volume: '', authors: [] }
    const csl = cslFromFields(fields, record)
    expect(csl.issued).toEqual({ 'date-parts': [[2015]] })
    expect('volume' in csl).toBe(false)
    expect('author' in csl).toBe(false)
  })
})

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CslItem } from '@shared/dto/csl'
import type { RecordProvenance } from '@shared/dto/provenance'
import { fakeApi, withApi } from '../helpers/fake-api'

const invoke = vi.fn()
const api = fakeApi((...args: unknown[]) => invoke(...args))
const { RecordForm } = await import('../../renderer/src/features/record/RecordForm')

const record: CslItem = {
  id: 's1',
  type: 'article-journal',
  title: 'editorial.pdf',
  author: [{ family: 'Jones', given: 'Roger' }],
  DOI: '10.3399/bjgp14X682465',
  issued: { 'date-parts': [[2014]] },
}
const provenance: RecordProvenance = {
  type: { kind: 'entered' },
  title: { kind: 'guessed', detail: 'the file name' },
  author: { kind: 'document', detail: "the PDF's document information" },
  DOI: { kind: 'lookup', detail: 'Crossref' },
  issued: { kind: 'guessed', detail: 'a year from the text' },
}

beforeEach(() => invoke.mockReset())
afterEach(cleanup)

describe('the record form says where each field came from', () => {
  it('names each origin, marks guesses, and confirms one without saving the form', async () => {
    render(<RecordForm formId="record" sourceId="s1" csl={record} provenance={provenance} onSaved={vi.fn()} />, withApi(api))
    expect(screen.getByText("From the PDF's document information")).toBeTruthy()
    expect(screen.getByText('From Crossref')).toBeTruthy()
    expect(screen.getByRole('status').textContent).toContain('2 fields are Evident’s guess (title, date published)')
    // The note is read with the box it describes.
    const title = screen.getByLabelText('Title')
    const noteId = title.getAttribute('aria-describedby')!
    expect(document.getElementById(noteId)!.textContent).toContain('the file name')
    invoke.mockResolvedValueOnce({ provenance: { ...provenance, title: { ...provenance.title, confirmedAt: '2026-12-07T18:00:00Z' } } })
    fireEvent.click(screen.getByRole('button', { name: 'Confirm title as right' }))
    await waitFor(() => expect(screen.getByText(/confirmed by you/)).toBeTruthy())
    expect(invoke).toHaveBeenCalledWith('sources.confirmFields', { id: 's1', fields: ['title'] })
    expect(screen.getByRole('status').textContent).toContain('1 field is Evident’s guess (date published)')
  })

  it('a field the analyst changes is shown as their entry before it is saved', () => {
    render(<RecordForm formId="record" sourceId="s1" csl={record} provenance={provenance} onSaved={vi.fn()} />, withApi(api))
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Crisis in general practice' } })
    expect(screen.getByText('Your entry (not saved yet)')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Confirm title as right' })).toBeNull()
  })

  it('a record imported before provenance was kept says so instead of inventing an origin', () => {
    render(<RecordForm formId="record" sourceId="s1" csl={record} provenance={{}} onSaved={vi.fn()} />, withApi(api))
    expect(screen.getAllByText('Where this came from was not recorded').length).toBeGreaterThan(3)
    expect(screen.queryByRole('status')).toBeNull()
  })
})

describe('the record form keeps what reference managers write and the form does not show', () => {
  it('particles, suffixes, seasons, circa and a date in words survive an edit of another field', async () => {
    const { cslFromFields, fieldsFromCsl } = await import('../../renderer/src/features/record/record-model')
    const base: CslItem = {
      id: 'r',
      type: 'book',
      title: 'Letters',
      author: [
        { family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' },
        { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
      ],
      issued: { 'date-parts': [[1890]], season: 'Spring', circa: true },
    }
    const fields = fieldsFromCsl(base)
    expect(fields.authors[0]!.family).toBe('van Gogh')
    const saved = cslFromFields({ ...fields, title: 'Letters to Theo' }, base)
    expect(saved.author).toEqual(base.author)
    expect(saved.issued).toEqual(base.issued)
    // A new year is a new date: the old season and circa no longer describe it.
    expect(cslFromFields({ ...fields, year: '1891' }, base).issued).toEqual({ 'date-parts': [[1891]] })
    const undated: CslItem = { id: 'u', type: 'report', title: 'Undated', issued: { literal: 'n.d.' } }
    expect(cslFromFields(fieldsFromCsl(undated), undated).issued).toEqual({ literal: 'n.d.' })
    // The analyst retyping the family name drops the particle with it.
    const retyped = fieldsFromCsl(base)
    retyped.authors[0] = { ...retyped.authors[0]!, family: 'Gogh' }
    expect(cslFromFields(retyped, base).author![0]).toEqual({ family: 'Gogh', given: 'Vincent' })
  })
})

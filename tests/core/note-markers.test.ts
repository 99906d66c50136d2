import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { normaliseText } from '../../electron/core/sources/normalise'
import { findNoteMarkers } from '../../electron/core/sources/note-markers'

const labels = (text: string) => findNoteMarkers(text).map((marker) => marker.label)

describe('note markers: reference numbers the analyst should not have to quote', () => {
  test('a number after a closing quote at the end of a paragraph is a marker', () => {
    const text = 'General practice is the jewel in the crown of the NHS. Save it. Build it.’ 1'
    const [marker] = findNoteMarkers(text)
    expect(marker).toEqual({ start: text.length - 1, end: text.length, label: '1' })
    expect(text.slice(0, marker!.start).trimEnd()).toMatch(/Save it\. Build it\.’$/)
  })

  test('digits glued to a word or to its punctuation are markers', () => {
    expect(labels('GP vacancies were at a low level2 and morale was relatively high.3')).toEqual(['2', '3'])
    expect(labels('In a BJGP editorial last month,7 Stephen Gillam looked')).toEqual(['7'])
    expect(labels('the concept of a ‘primary care home’12 where GPs')).toEqual(['12'])
    expect(labels('the Collings Report5 revealed')).toEqual(['5'])
  })

  test('a number between a name and a lower-case word is a marker', () => {
    expect(labels('In this issue of the BJGP 4 two junior doctors tell us')).toEqual(['4'])
    expect(labels('the savings that the 2002 Wanless Report 5 predicted would arise')).toEqual(['5'])
  })

  test('years, money, ordinals, durations and figures are not markers', () => {
    const prose = [
      'In 2008, on the 60th birthday of the NHS Don Berwick wrote.',
      'The 1948 National Health Act formalised the ancient distinctions.',
      'Funding rose by £1.5 billion over the past 20 years has gone to projects.',
      'This is not about individual GPs having 24/7 responsibility.',
      'A projected increase in healthcare expenditure in the UK to 11–12% of GDP.',
      'Cite this as: BMJ 2014;349:g6055',
      'Figure 4 shows the trend, and Table 2 lists the sites.',
      'at the conference in Liverpool on 3 October, Simon Stevens said',
      'the health of the 6 million or so people in the catchment',
      'the 21st century and the 1950s',
      'covering 30-50,000 people',
      'GPs were being offered £100k positions.',
    ].join('\n\n')
    expect(findNoteMarkers(prose)).toEqual([])
  })

  test('bracketed and superscript markers from Word and web pages are found', () => {
    expect(findNoteMarkers('as the report found.[12] Next')).toEqual([{ start: 20, end: 24, label: '12' }])
    expect(labels('morale was high² and vacancies low³⁴')).toEqual(['2', '34'])
  })

  test('in the first starter text, markers 1 to 8 are found in order and nothing else', () => {
    const file = join(__dirname, '../../resources/corpus/000_fc013471f3c8df7b.txt')
    const text = normaliseText(readFileSync(file, 'utf8'))
      .map((block) => block.text)
      .join('\n\n')
    const markers = findNoteMarkers(text)
    expect(markers.map((marker) => marker.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'])
    for (const marker of markers) expect(text.slice(marker.start, marker.end)).toBe(marker.label)
    expect(text.slice(markers[0]!.start - 20, markers[0]!.start)).toBe('Save it. Build it.’ ')
  })

  test('in the second starter text, markers 1 to 12 are found in order', () => {
    const file = join(__dirname, '../../resources/corpus/001_2a28a01acad2b294.txt')
    const text = normaliseText(readFileSync(file, 'utf8'))
      .map((block) => block.text)
      .join('\n\n')
    expect(labels(text)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'])
  })
})

import { z } from 'zod'
import type { AddedFigure, FigureData } from '../dto/figures'
import { fileHandle, id } from './common'

/**
 * Figures: a picture file the analyst chose (a read handle from files.pickForReading, or browser mode's
 * upload) is checked and stored in the project; the brief's figure node keeps only its id, alt text and caption.
 */
export const figuresArgs = {
  'figures.add': z.object({ file: fileHandle }).strict(),
  'figures.get': z.object({ id }).strict(),
}

export interface FiguresResults {
  'figures.add': AddedFigure
  'figures.get': FigureData
}

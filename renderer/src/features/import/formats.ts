import type { FileFilter } from '../../../../electron/shared/dto/project'

export const IMPORT_EXTENSIONS = ['txt', 'md', 'html', 'htm', 'docx', 'pdf']
export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.map((e) => '.' + e).join(',')
export const IMPORT_FILTERS: FileFilter[] = [{ name: 'Documents', extensions: IMPORT_EXTENSIONS }]

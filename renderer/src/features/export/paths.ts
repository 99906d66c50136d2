import { MAX_PATH_CHARS } from '../../../../electron/shared/limits'

const WORD_EXTENSION = '.docx'

/** A file name from the brief's title: characters Windows or macOS refuse in names become spaces. */
export function fileNameFor(title: string): string {
  const base = title
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 150)
    .trim()
  return (base || 'Brief') + WORD_EXTENSION
}

/** The folder part of a path, whichever separator the platform uses; '' when there is none. */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return cut > 0 ? path.slice(0, cut) : cut === 0 ? path.slice(0, 1) : ''
}

/** Beside the project file is where an analyst looks for what they exported from it. */
export function defaultOutPath(projectPath: string, title: string): string {
  const folder = folderOf(projectPath)
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/'
  if (!folder) return fileNameFor(title)
  return (folder.endsWith(separator) ? folder : folder + separator) + fileNameFor(title)
}

/** What the analyst typed, ready for the core; or the reason it cannot be used. */
export function checkTypedPath(typed: string): { path: string } | { error: string } {
  let path = typed.trim()
  if (!path) return { error: 'Type the full path of the Word document to write, such as /home/analyst/Documents/Brief.docx.' }
  if (path.length > MAX_PATH_CHARS) return { error: `A path may be at most ${MAX_PATH_CHARS} characters.` }
  if (/[/\\]$/.test(path)) return { error: 'That is a folder: add a file name ending in .docx.' }
  if (!path.toLowerCase().endsWith(WORD_EXTENSION)) path += WORD_EXTENSION
  return { path }
}

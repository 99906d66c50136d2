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

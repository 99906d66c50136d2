import type { Args } from '@shared/contract/index'
import type { PickedFile } from '@shared/dto/files'
import { isErrorPayload } from '@shared/errors'
import { MAX_IMPORT_FILE_BYTES } from '@shared/limits'
import { EvidentError } from './errors'

const MB = 1024 * 1024

/**
 * Browser mode's half of files.pickForReading: the page has no native picker in main, so it shows the
 * browser's own (a file input, clicked while the analyst's click still counts) and resolves with the chosen
 * files, or none when the chooser was cancelled.
 */
export function chooseInPage({ filters = [], multiple = false }: Args<'files.pickForReading'>): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.multiple = multiple
    input.accept = filters.flatMap((f) => f.extensions.filter((e) => e !== '*').map((e) => `.${e}`)).join(',')
    input.hidden = true
    const done = (files: File[]) => {
      input.remove()
      resolve(files)
    }
    input.addEventListener('change', () => done([...(input.files ?? [])]), { once: true })
    input.addEventListener('cancel', () => done([]), { once: true })
    document.body.appendChild(input)
    input.click()
  })
}

/** The file's bytes go to the server as they are (no base64, no JSON) and come back as a read handle. */
export async function upload(fetcher: typeof fetch, file: File): Promise<PickedFile> {
  if (file.size > MAX_IMPORT_FILE_BYTES) throw new EvidentError('FILE_TOO_LARGE', `“${file.name}” is larger than ${MAX_IMPORT_FILE_BYTES / MB} MB.`)
  let response: Response
  try {
    response = await fetcher(`/api/files?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' } })
  } catch {
    throw new EvidentError('NETWORK', `“${file.name}” could not be sent to Evident. Is the Evident server still running?`)
  }
  const body: unknown = await response.json().catch(() => null)
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    if (body.ok === true && 'value' in body) return body.value as PickedFile
    if (body.ok === false && 'error' in body && isErrorPayload(body.error)) throw new EvidentError(body.error.code, body.error.message)
  }
  throw new EvidentError('INTERNAL', `Evident sent an unexpected answer to the upload (HTTP ${response.status}).`)
}

/** Browser mode's half of files.pickForWriting: once the core has written the file, the browser downloads it. */
export function download(file: PickedFile): void {
  const link = document.createElement('a')
  link.href = `/api/files/${encodeURIComponent(file.handle)}`
  link.download = file.name
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
}

import { constants } from 'node:fs'
import { lstat, open, realpath } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/limits'
import { AppError, isAppError } from '../../errors'
import { fetchRedirectTarget } from '../fetch'
import type { ServiceRequest } from '../service'
import { LIBRARY, zoteroBase, zoteroFailure } from './local-api'

const MB = 1024 * 1024

export interface AttachmentFile {
  fileName: string
  bytes: Uint8Array
}

/**
 * The file of a stored attachment. The local API answers `/items/KEY/file` with a redirect to a file:// URL
 * into Zotero's storage folder, where an attachment's file lives at `storage/KEY/name`: that one redirect is
 * followed, and only to a regular file directly inside that attachment's own folder. Any other scheme, a
 * path that leads elsewhere (a linked file, `..`), a symbolic link on the way and an oversized file are
 * refused, each by name.
 */
export async function readAttachmentFile(key: string, request: ServiceRequest = {}): Promise<AttachmentFile> {
  let location: string
  try {
    location = await fetchRedirectTarget(new URL(`${zoteroBase(request.env)}${LIBRARY}/items/${key}/file`), { signal: request.signal, deadlineMs: request.deadlineMs })
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', `Zotero has no file for attachment ${key}: it may not have been downloaded to this computer yet.`)
    throw zoteroFailure(error)
  }
  const path = storagePath(key, location)
  return readStoredFile(key, path)
}

function refused(key: string, why: string): AppError {
  return new AppError('FORBIDDEN', `Zotero pointed attachment ${key} at ${why}; Evident reads attachment files only from Zotero's own storage folder, so nothing was imported from it.`)
}

/** The path a file:// redirect names, if it is `…/storage/KEY/name`; everything else is refused. */
function storagePath(key: string, location: string): string {
  let url: URL
  try {
    url = new URL(location)
  } catch {
    throw refused(key, 'something that is not an address')
  }
  if (url.protocol !== 'file:') throw refused(key, `a ${url.protocol} address`)
  if (url.host && url.host !== 'localhost') throw refused(key, `a file on another computer (${url.host})`)
  let path: string
  try {
    path = fileURLToPath(url)
  } catch {
    throw refused(key, 'a file address that names no file')
  }
  // The URL parser has already folded any `..`: what is left must sit in the attachment's own folder.
  if (basename(dirname(path)) !== key || basename(dirname(dirname(path))) !== 'storage') throw refused(key, `a file outside its storage folder (${path})`)
  return path
}

async function readStoredFile(key: string, path: string): Promise<AttachmentFile> {
  const folder = dirname(path)
  const fileName = basename(path)
  const folderInfo = await lstat(folder).catch(() => null)
  if (!folderInfo) throw new AppError('NOT_FOUND', `Zotero's file for attachment ${key} is not on this computer (${path} does not exist).`)
  if (folderInfo.isSymbolicLink() || !folderInfo.isDirectory()) throw refused(key, `a folder that is a link to somewhere else (${folder})`)
  // O_NOFOLLOW: the file itself may not be a link either, checked on the very file that is read.
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ELOOP') throw refused(key, `a symbolic link (${path})`)
    if (error.code === 'ENOENT') throw new AppError('NOT_FOUND', `Zotero's file for attachment ${key} is not on this computer (${path} does not exist).`)
    throw new AppError('IO_ERROR', `Zotero's file for attachment ${key} could not be opened (${error.code ?? 'unknown error'}).`)
  })
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw refused(key, `something that is not a file (${path})`)
    if ((await realpath(path)) !== join(await realpath(folder), fileName)) throw refused(key, `a path that leads out of its folder (${path})`)
    if (info.size > MAX_IMPORT_FILE_BYTES) {
      throw new AppError('FILE_TOO_LARGE', `“${fileName}” (Zotero attachment ${key}) is ${(info.size / MB).toFixed(0)} MB; the limit is ${MAX_IMPORT_FILE_BYTES / MB} MB.`)
    }
    return { fileName, bytes: new Uint8Array(await handle.readFile()) }
  } finally {
    await handle.close()
  }
}

import type { EvidentApi } from '@shared/api'
import { base64ToBlob, downloadBlob } from '../../ui/files'

/** Hands the analyst the untouched original file, under its original name. */
export async function downloadOriginal(api: EvidentApi, sourceId: string): Promise<void> {
  const original = await api.invoke('sources.original', { id: sourceId })
  downloadBlob(base64ToBlob(original.dataBase64, original.mime), original.fileName)
}

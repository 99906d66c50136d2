import type { BriefSummary } from '@shared/dto/briefs'
import { ConfirmDialog } from '../../../ui/ConfirmDialog'
import { useToast } from '../../../ui/Toast'
import type { BriefDialogKind } from './BriefHeader'
import { BriefSettingsDialog } from './BriefSettingsDialog'
import { NewBriefDialog } from './NewBriefDialog'
import { RenameBriefDialog } from './RenameBriefDialog'
import { RevisionsDialog } from './RevisionsDialog'
import type { BriefList } from './useBriefList'
import type { useBriefSession } from './useBriefSession'

interface Props {
  kind: BriefDialogKind | null
  onClose(): void
  list: BriefList
  session: ReturnType<typeof useBriefSession>
  current: BriefSummary | null
}

/** The dialog the header asked for; each closes itself once its action has succeeded. */
export function BriefDialogs({ kind, onClose, list, session, current }: Props) {
  const toast = useToast()
  const done = (action: () => Promise<void>) => async () => {
    await action()
    onClose()
  }
  if (kind === 'new') return <NewBriefDialog questions={list.questions} onClose={onClose} onCreate={(b) => done(() => session.create(b))()} />
  if (!current || !session.doc) return null
  if (kind === 'rename') return <RenameBriefDialog title={current.title} onClose={onClose} onRename={(t) => done(() => session.rename(t))()} />
  if (kind === 'settings')
    return <BriefSettingsDialog brief={current} styles={list.styles} questions={list.questions} onClose={onClose} onSave={(s) => done(() => session.saveSettings(s))()} />
  if (kind === 'history')
    return <RevisionsDialog briefId={current.id} readOnly={session.doc.readOnly} onClose={onClose} onRestore={(id) => done(() => session.restore(id))()} />
  if (kind === 'delete')
    return (
      <ConfirmDialog
        title="Delete this brief?"
        confirmLabel="Delete brief"
        danger
        onCancel={onClose}
        onConfirm={() => {
          onClose()
          session.remove().catch((e: unknown) => toast.error(e))
        }}
      >
        <p>
          “{current.title}” moves to the Trash with its saved versions. You can undo this straight away, or restore it from the Trash later.
        </p>
      </ConfirmDialog>
    )
  return null
}

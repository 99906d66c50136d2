import { useState } from 'react'
import type { CommentThread } from '@shared/dto/comments'
import { CommentBox } from './CommentBox'

export interface ThreadActions {
  jump(thread: CommentThread): void
  reply(thread: CommentThread, text: string): Promise<void>
  resolve(thread: CommentThread, resolved: boolean): void
  remove(thread: CommentThread): void
}

interface Props {
  thread: CommentThread
  detached: boolean
  active: boolean
  editable: boolean
  actions: ThreadActions
}

const WHEN = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })

function when(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? '' : WHEN.format(date)
}

/** One thread: the words it is on (a link to them while they exist), its comments, reply, resolve/reopen. */
export function ThreadCard({ thread, detached, active, editable, actions }: Props) {
  const [replying, setReplying] = useState(false)
  const quote = thread.quote.length > 140 ? `${thread.quote.slice(0, 140)}…` : thread.quote
  const classes = ['comment-thread', active ? 'is-active' : '', thread.resolved ? 'is-resolved' : '', detached ? 'is-detached' : ''].filter(Boolean).join(' ')
  return (
    <li className={classes} aria-current={active || undefined}>
      {detached ? (
        <p className="comment-on">
          <span className="comment-badge">Detached</span> was on <q>{quote}</q>
        </p>
      ) : (
        <button type="button" className="comment-on link-button" onClick={() => actions.jump(thread)} aria-label={`Go to the words “${quote}”`}>
          <q>{quote}</q>
        </button>
      )}
      <ol className="comment-list">
        {thread.comments.map((c, i) => (
          <li key={c.id} className="comment">
            <p className="comment-meta">
              <span className="comment-author">{c.author || 'You'}</span>
              {i > 0 && <span className="visually-hidden"> replied</span>} <time dateTime={c.createdAt}>{when(c.createdAt)}</time>
            </p>
            <p className="comment-text">{c.text}</p>
          </li>
        ))}
      </ol>
      {editable && replying && (
        <CommentBox
          label="Your reply"
          submitLabel="Reply"
          autoFocus
          onCancel={() => setReplying(false)}
          onSubmit={(text) => void actions.reply(thread, text).then(() => setReplying(false))}
        />
      )}
      {editable && !replying && (
        <div className="comment-actions">
          {!thread.resolved && (
            <button type="button" onClick={() => setReplying(true)}>
              Reply
            </button>
          )}
          <button type="button" onClick={() => actions.resolve(thread, !thread.resolved)}>
            {thread.resolved ? 'Reopen' : 'Resolve'}
          </button>
          <button type="button" onClick={() => actions.remove(thread)} aria-label={`Delete the comment on “${quote}”`}>
            Delete
          </button>
        </div>
      )}
    </li>
  )
}

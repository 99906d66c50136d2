import { CommentRangeEnd, CommentRangeStart, CommentReference, Paragraph, TextRun, type ICommentOptions, type ParagraphChild } from 'docx'
import type { SerializedLexicalNode } from '../../../shared/dto/brief-nodes'
import type { CommentThread } from '../../../shared/dto/comments'

/** How many marks carry each thread id, in one walk: a thread's range ends after its last mark. */
export function markCounts(root: SerializedLexicalNode): Map<string, number> {
  const counts = new Map<string, number>()
  const stack = [root]
  while (stack.length) {
    const node = stack.pop()!
    if (node.type === 'mark' && Array.isArray(node.ids)) for (const id of node.ids) if (typeof id === 'string') counts.set(id, (counts.get(id) ?? 0) + 1)
    if (node.children) stack.push(...node.children)
  }
  return counts
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase())
    .join('')
    .slice(0, 4)
}

/**
 * The brief's open comment threads as Word comments on the same words: a range start before a thread's first
 * mark, its end and the comment's reference after the last (a thread may span paragraphs), the replies as
 * Word replies (docx's parentId: w15:paraIdParent in commentsExtended.xml) on the same range with references of
 * their own, as Word writes them (Word and LibreOffice show no comment that the text does not reference). Detached threads have no words to
 * anchor on and resolved ones are settled, so neither is written.
 */
export class WordComments {
  /** Each exported thread's Word comment ids: its first comment's, then its replies'. */
  private readonly wordIds = new Map<string, number[]>()
  private readonly left: Map<string, number>
  private readonly started = new Set<string>()
  private readonly options: ICommentOptions[] = []

  constructor(threads: readonly CommentThread[], counts: Map<string, number>, fallbackAuthor: string) {
    this.left = new Map(counts)
    let next = 0
    for (const thread of threads) {
      if (thread.resolved || !counts.get(thread.id)) continue
      const first = next
      const ids: number[] = []
      this.wordIds.set(thread.id, ids)
      for (const comment of thread.comments) {
        ids.push(next)
        const author = comment.author || fallbackAuthor
        const date = new Date(comment.createdAt)
        this.options.push({
          id: next,
          author,
          initials: initials(author),
          ...(Number.isNaN(date.getTime()) ? {} : { date }),
          ...(next === first ? {} : { parentId: first }),
          children: comment.text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })),
        })
        next++
      }
    }
  }

  /** Before a mark's words: the start of each of its threads' ranges not started yet. */
  open(ids: readonly unknown[]): ParagraphChild[] {
    const fresh = this.exported(ids).filter((id) => !this.started.has(id))
    fresh.forEach((id) => this.started.add(id))
    return fresh.flatMap((id) => this.wordIds.get(id)!.map((wordId) => new CommentRangeStart(wordId)))
  }

  /** After a mark's words: the end and reference of each thread whose last mark this was. */
  close(ids: readonly unknown[]): ParagraphChild[] {
    const out: ParagraphChild[] = []
    for (const id of this.exported(ids)) {
      const left = (this.left.get(id) ?? 1) - 1
      this.left.set(id, left)
      if (left > 0) continue
      for (const wordId of this.wordIds.get(id)!) out.push(new CommentRangeEnd(wordId), new TextRun({ children: [new CommentReference(wordId)] }))
    }
    return out
  }

  /** The comments part, or undefined when no thread is exported (the package then has no comments.xml). */
  part(): { children: ICommentOptions[] } | undefined {
    return this.options.length ? { children: this.options } : undefined
  }

  private exported(ids: readonly unknown[]): string[] {
    return ids.filter((id): id is string => typeof id === 'string' && this.wordIds.has(id))
  }
}

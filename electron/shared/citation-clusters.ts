/**
 * Citation clusters: what the editor shows as one label and the export gives citeproc as one citation.
 * A cluster is a run of inline citations standing side by side, with nothing at all between them (a space
 * splits them, as in Word's citation fields); an evidence quote is a cluster of its own. The editor (Lexical
 * nodes) and the export (serialized nodes) both group through this one function, so they never disagree.
 */

export interface ClusterSpan {
  /** Index of the cluster's first node among its siblings. */
  start: number
  /** Number of side-by-side citations in it (1 or more). */
  size: number
}

/** The clusters among one element's children, in order; a lone citation is a cluster of one. */
export function clusterSpans<T>(children: readonly T[], isCitation: (node: T) => boolean): ClusterSpan[] {
  const spans: ClusterSpan[] = []
  let open: ClusterSpan | null = null
  children.forEach((child, i) => {
    if (!isCitation(child)) {
      open = null
      return
    }
    if (open) open.size += 1
    else spans.push((open = { start: i, size: 1 }))
  })
  return spans
}

interface TreeNode {
  type: string
  children?: readonly TreeNode[]
}

/**
 * The claim-citing nodes of a serialized brief, grouped into clusters in document order (depth first, the
 * order the Word writer meets them). Each entry lists the cluster's nodes.
 */
export function treeClusters<N extends TreeNode>(root: N, isCiting: (node: N) => boolean): N[][] {
  const out: N[][] = []
  const visit = (node: N): void => {
    const children = (node.children ?? []) as readonly N[]
    let run: N[] | null = null
    for (const child of children) {
      if (isCiting(child) && child.type === 'citation') {
        if (run) run.push(child)
        else out.push((run = [child]))
        continue
      }
      run = null
      if (isCiting(child)) out.push([child])
      else visit(child)
    }
  }
  visit(root)
  return out
}

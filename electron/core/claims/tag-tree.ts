import type Database from 'better-sqlite3'
import { query } from '../db/statement'

export interface TagNode {
  id: string
  name: string
  parentId: string | null
}

/** The whole tag hierarchy in memory: projects have tens or hundreds of tags, never enough to matter. */
export class TagTree {
  readonly byId = new Map<string, TagNode>()
  private readonly children = new Map<string | null, TagNode[]>()

  constructor(nodes: TagNode[]) {
    for (const node of nodes) {
      this.byId.set(node.id, node)
      const siblings = this.children.get(node.parentId) ?? []
      siblings.push(node)
      this.children.set(node.parentId, siblings)
    }
  }

  static load(db: Database.Database): TagTree {
    return new TagTree(query<TagNode>(db, 'SELECT id, name, parent_id AS parentId FROM tags ORDER BY name COLLATE NOCASE, id').all())
  }

  /** "Workforce > Recruitment"; guards against a cycle so a corrupt file cannot hang the app. */
  path(id: string): string {
    const names: string[] = []
    const seen = new Set<string>()
    let node = this.byId.get(id)
    while (node && !seen.has(node.id)) {
      seen.add(node.id)
      names.unshift(node.name)
      node = node.parentId ? this.byId.get(node.parentId) : undefined
    }
    return names.join(' > ')
  }

  childrenOf(id: string | null): TagNode[] {
    return this.children.get(id) ?? []
  }

  /** The tag and everything under it. */
  subtree(id: string): string[] {
    const out: string[] = []
    const stack = [id]
    while (stack.length) {
      const next = stack.pop()!
      if (out.includes(next)) continue
      out.push(next)
      for (const child of this.childrenOf(next)) stack.push(child.id)
    }
    return out
  }

  /** Depth-first, siblings alphabetical: the order a tree view shows. */
  ordered(): TagNode[] {
    const out: TagNode[] = []
    const visit = (parentId: string | null) => {
      for (const node of this.childrenOf(parentId)) {
        out.push(node)
        visit(node.id)
      }
    }
    visit(null)
    return out
  }
}

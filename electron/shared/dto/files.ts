/**
 * A file the analyst chose (to read) or a place they chose (to write), as the window knows it: an opaque
 * handle the door minted and the name to show. Never a path: a page that is compromised can only use the
 * files the analyst gave it, for the purpose they gave them.
 */
export interface PickedFile {
  handle: string
  name: string
}

import { createCommand, type LexicalCommand, type NodeKey } from 'lexical'

/** Null: insert a new figure at the caret. A node key: edit that figure's alt text and caption (or remove it). */
export const OPEN_FIGURE_DIALOG_COMMAND: LexicalCommand<NodeKey | null> = createCommand('OPEN_FIGURE_DIALOG_COMMAND')

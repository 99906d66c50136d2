import { MENU_COMMAND_LABELS, type MenuCommand } from '@shared/events'

/** A key chord. `mod` is Ctrl, or ⌘ on a Mac, as the analyst expects. */
export interface Shortcut {
  key: string
  mod?: boolean
  shift?: boolean
  alt?: boolean
}

/**
 * One thing the analyst can ask the app to do, whichever way they ask: the native menu ('menu.command'), a
 * keyboard shortcut or a palette all run `perform` through the same registry (Excalidraw's actions).
 */
export interface Command {
  id: MenuCommand
  label: string
  shortcut?: Shortcut
  /** False when the command makes no sense now (no source open...): its shortcut is left to the page. */
  enabled?: () => boolean
  perform(): void
}

/** Every menu command has exactly one entry: a command added to MENU_COMMANDS fails the build until it is. */
export type CommandRegistry = Record<MenuCommand, Command>

export type CommandSpec = Omit<Command, 'id' | 'label'>

/** Builds the registry, taking each command's label from the one the native menu shows. */
export function defineCommands(specs: Record<MenuCommand, CommandSpec>): CommandRegistry {
  const entries = Object.entries(specs) as [MenuCommand, CommandSpec][]
  return Object.fromEntries(entries.map(([id, spec]) => [id, { id, label: MENU_COMMAND_LABELS[id], ...spec }])) as CommandRegistry
}

export function isEnabled(command: Command): boolean {
  return command.enabled ? command.enabled() : true
}

/** Runs the command if it can run now; says whether it did. */
export function runCommand(registry: CommandRegistry, id: string): boolean {
  const command = Object.hasOwn(registry, id) ? registry[id as MenuCommand] : undefined
  if (!command || !isEnabled(command)) return false
  command.perform()
  return true
}

export function matchesShortcut(shortcut: Shortcut, event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return (
    event.key.toLowerCase() === shortcut.key.toLowerCase() &&
    (event.ctrlKey || event.metaKey) === Boolean(shortcut.mod) &&
    event.shiftKey === Boolean(shortcut.shift) &&
    event.altKey === Boolean(shortcut.alt)
  )
}

/** The enabled command whose shortcut this key press is, if any. */
export function commandForKey(registry: CommandRegistry, event: KeyboardEvent): Command | undefined {
  return Object.values(registry).find((c) => c.shortcut && matchesShortcut(c.shortcut, event) && isEnabled(c))
}

/** "Ctrl+F" (or "⌘F" on a Mac), for labels and a palette. */
export function shortcutText(shortcut: Shortcut, mac = false): string {
  const key = shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key
  if (mac) return (shortcut.mod ? '⌘' : '') + (shortcut.alt ? '⌥' : '') + (shortcut.shift ? '⇧' : '') + key
  return [shortcut.mod && 'Ctrl', shortcut.alt && 'Alt', shortcut.shift && 'Shift', key].filter(Boolean).join('+')
}

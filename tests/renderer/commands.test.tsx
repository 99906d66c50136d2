// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { EvidentApi } from '@shared/api'
import { MENU_COMMAND_LABELS, MENU_COMMANDS, type Events } from '@shared/events'
import { commandForKey, defineCommands, runCommand, shortcutText, type CommandRegistry, type CommandSpec } from '../../renderer/src/shell/commands'
import { useCommands } from '../../renderer/src/shell/useCommands'
import { noFiles, withApi } from '../helpers/fake-api'

afterEach(cleanup)

function registry(overrides: Partial<Record<(typeof MENU_COMMANDS)[number], CommandSpec>> = {}) {
  const performed: string[] = []
  const specs = Object.fromEntries(MENU_COMMANDS.map((id) => [id, { perform: () => performed.push(id), ...overrides[id] }])) as Record<
    (typeof MENU_COMMANDS)[number],
    CommandSpec
  >
  return { commands: defineCommands(specs), performed }
}

/** A core whose 'menu.command' the test can send, as the native menu would. */
function menuApi() {
  let send: (payload: Events['menu.command']) => void = () => undefined
  const api: EvidentApi = {
    invoke: vi.fn() as unknown as EvidentApi['invoke'],
    on: ((event: string, listener: (payload: Events['menu.command']) => void) => {
      if (event === 'menu.command') send = listener
      return () => undefined
    }) as EvidentApi['on'],
    handleForFile: noFiles,
  }
  return { api, menu: (command: string) => send({ command } as Events['menu.command']) }
}

function Shell({ commands }: { commands: CommandRegistry }) {
  useCommands(commands)
  return <input aria-label="somewhere" />
}

describe('the command registry', () => {
  it('holds one command per menu command, named as the native menu names it', () => {
    const { commands } = registry()
    expect(Object.keys(commands).sort()).toEqual([...MENU_COMMANDS].sort())
    for (const id of MENU_COMMANDS) expect(commands[id]).toMatchObject({ id, label: MENU_COMMAND_LABELS[id] })
  })

  it('runs a command by id only when it is enabled, and nothing for an unknown id', () => {
    let open = false
    const { commands, performed } = registry({ 'open-original': { enabled: () => open, perform: () => performed.push('open-original') } })
    expect(runCommand(commands, 'open-original')).toBe(false)
    open = true
    expect(runCommand(commands, 'open-original')).toBe(true)
    expect(runCommand(commands, 'toString')).toBe(false)
    expect(runCommand(commands, 'shell.openExternal')).toBe(false)
    expect(performed).toEqual(['open-original'])
  })

  it('matches a shortcut with Ctrl or ⌘, and not with extra modifiers', () => {
    const { commands } = registry({ 'find-in-source': { shortcut: { key: 'f', mod: true }, perform: () => undefined } })
    const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { key: 'f', ...init })
    expect(commandForKey(commands, key({ ctrlKey: true }))?.id).toBe('find-in-source')
    expect(commandForKey(commands, key({ metaKey: true }))?.id).toBe('find-in-source')
    expect(commandForKey(commands, key({ ctrlKey: true, shiftKey: true }))).toBeUndefined()
    expect(commandForKey(commands, key({}))).toBeUndefined()
    expect(shortcutText({ key: 'f', mod: true })).toBe('Ctrl+F')
    expect(shortcutText({ key: 'f', mod: true }, true)).toBe('⌘F')
  })
})

describe('the shell dispatching through the registry', () => {
  it('carries out the native menu’s commands', () => {
    const { commands, performed } = registry()
    const { api, menu } = menuApi()
    render(<Shell commands={commands} />, withApi(api))
    menu('export')
    menu('find-everywhere')
    menu('not-a-command')
    expect(performed).toEqual(['export', 'find-everywhere'])
  })

  it('takes a shortcut (and keeps the browser from acting on it) only while its command is enabled', () => {
    let enabled = true
    const { commands, performed } = registry({
      'find-in-source': { shortcut: { key: 'f', mod: true }, enabled: () => enabled, perform: () => performed.push('find-in-source') },
    })
    const { getByLabelText } = render(<Shell commands={commands} />, withApi(menuApi().api))
    expect(fireEvent.keyDown(getByLabelText('somewhere'), { key: 'f', ctrlKey: true })).toBe(false)
    enabled = false
    expect(fireEvent.keyDown(getByLabelText('somewhere'), { key: 'f', ctrlKey: true })).toBe(true)
    expect(performed).toEqual(['find-in-source'])
  })
})

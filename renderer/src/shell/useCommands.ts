import { useEffect, useRef } from 'react'
import { useEvent } from '../ui/useEvent'
import { commandForKey, runCommand, type CommandRegistry } from './commands'

/** Dispatches the native menu's commands and the registry's shortcuts to the registry, for the shell's lifetime. */
export function useCommands(registry: CommandRegistry): void {
  const latest = useRef(registry)
  useEffect(() => {
    latest.current = registry
  })

  useEvent('menu.command', ({ command }) => void runCommand(latest.current, command))

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const command = commandForKey(latest.current, event)
      if (!command) return
      event.preventDefault()
      command.perform()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
}

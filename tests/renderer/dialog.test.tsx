// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Dialog } from '../../renderer/src/ui/Dialog'

afterEach(() => {
  cleanup()
  document.getElementById('root')?.remove()
})

function setup(onClose = vi.fn()) {
  const root = document.createElement('div')
  root.id = 'root'
  document.body.appendChild(root)
  const opener = document.createElement('button')
  opener.textContent = 'Open'
  root.appendChild(opener)
  opener.focus()
  const view = render(
    <Dialog title="Open project" onClose={onClose} footer={<button type="button">Open project</button>}>
      <label>
        Project file path <input type="text" />
      </label>
    </Dialog>,
  )
  return { onClose, root, opener, view }
}

describe('dialogs', () => {
  it('are modal, named by their title, and make the app behind them inert', () => {
    const { root } = setup()
    const dialog = screen.getByRole('dialog', { name: 'Open project' })
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(root.hasAttribute('inert')).toBe(true)
  })

  it('close on Escape and give focus back', () => {
    const { onClose, opener, view, root } = setup()
    // Focus starts on the first field, not on the ×.
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Project file path' }))
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' })
    expect(onClose).toHaveBeenCalledOnce()
    view.unmount()
    expect(root.hasAttribute('inert')).toBe(false)
    expect(document.activeElement).toBe(opener)
  })

  it('keep Tab inside', () => {
    setup()
    const dialog = screen.getByRole('dialog')
    const last = screen.getByRole('button', { name: 'Open project' })
    last.focus()
    fireEvent.keyDown(dialog, { key: 'Tab' })
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close dialog' }))
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(last)
  })
})

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'

export interface MenuItem {
  label: string
  onSelect(): void
  danger?: boolean
  disabled?: boolean
}

/** A button that opens a menu of actions (the WAI-ARIA menu button pattern: arrows, Home/End, Escape). */
export function MenuButton({ label, text, items }: { label: string; text: string; items: MenuItem[] }) {
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const menuId = useId()
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLUListElement>(null)

  useEffect(() => {
    if (open) menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus()
  }, [open, active])

  function close(refocus = true) {
    setOpen(false)
    if (refocus) button.current?.focus()
  }

  function onMenuKey(event: KeyboardEvent) {
    const n = items.length
    const next = { ArrowDown: active + 1, ArrowUp: active - 1 + n, Home: 0, End: n - 1 }[event.key]
    if (next !== undefined) {
      event.preventDefault()
      setActive(next % n)
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault()
      close()
    }
  }

  return (
    <span className="menu-button">
      <button
        ref={button}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (setActive(0), setOpen((o) => !o))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault()
            setActive(e.key === 'ArrowDown' ? 0 : items.length - 1)
            setOpen(true)
          }
        }}
      >
        {text}
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={label}
          className="menu"
          onKeyDown={onMenuKey}
          onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && e.relatedTarget !== button.current && close(false)}
        >
          {items.map((item, i) => (
            <li
              key={item.label}
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              aria-disabled={item.disabled || undefined}
              className={item.danger ? 'menu-danger' : undefined}
              onClick={() => {
                if (item.disabled) return
                close()
                item.onSelect()
              }}
              onKeyDown={(e) => {
                if ((e.key === 'Enter' || e.key === ' ') && !item.disabled) {
                  e.preventDefault()
                  close()
                  item.onSelect()
                }
              }}
            >
              {item.label}
            </li>
          ))}
        </ul>
      )}
    </span>
  )
}

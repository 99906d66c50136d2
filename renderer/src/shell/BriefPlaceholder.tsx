/** Stands where the brief editor will go; replaced by the brief feature. */
export function BriefPlaceholder() {
  return (
    <aside className="pane brief-pane" aria-label="Brief" data-own-find="">
      <header className="pane-header">
        <h2>Brief</h2>
      </header>
      <p className="empty-state">The brief editor arrives with a later feature.</p>
    </aside>
  )
}

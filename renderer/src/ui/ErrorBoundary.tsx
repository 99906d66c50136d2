import { Component, type ErrorInfo, type ReactNode } from 'react'

interface State {
  message: string | null
}

/** The last line of defence: a rendering bug shows a message and a way back instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { message: null }

  static getDerivedStateFromError(error: unknown): State {
    return { message: error instanceof Error ? error.message : String(error) }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Evident: the window hit an error', error, info.componentStack)
  }

  override render(): ReactNode {
    if (this.state.message === null) return this.props.children
    return (
      <div className="crash" role="alert">
        <h1>Something went wrong in this window</h1>
        <p>Your project is safe: everything is saved as you go. Reload the window to carry on.</p>
        <p className="muted">{this.state.message}</p>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    )
  }
}

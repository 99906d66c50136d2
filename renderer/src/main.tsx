import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { connectApi } from './api/client'
import { ApiProvider } from './api/context'
import { ErrorBoundary } from './ui/ErrorBoundary'
import { ToastProvider } from './ui/Toast'
import './ui/base.css'

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element.')

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <ApiProvider api={connectApi()}>
        <ToastProvider>
          <App />
        </ToastProvider>
      </ApiProvider>
    </ErrorBoundary>
  </StrictMode>,
)

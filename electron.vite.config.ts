import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { META_CONTENT_SECURITY_POLICY } from './electron/shared/web'

/**
 * The built index.html carries the one policy the doors also send as a header. Build only: under
 * `electron-vite dev` the page comes from Vite's dev server, whose React refresh preamble is an inline
 * script that main's dev policy allows and this one would block.
 */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'evident:content-security-policy-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  }
}

// main, server and cli share one Node build: they are all thin doors onto electron/core.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          server: resolve(__dirname, 'electron/server/index.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
          // The document-parser process every door starts (utilityProcess in Electron, fork in Node).
          parser: resolve(__dirname, 'electron/core/sources/parse/entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() node_modules, so it is one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [contentSecurityPolicyMeta(), react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
})

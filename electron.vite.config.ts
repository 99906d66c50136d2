import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { META_CONTENT_SECURITY_POLICY } from './electron/shared/web'

/**
 * The built index.html carries the one policy the doors also send as a header. Build only: under
 * `electron-vite dev` the page comes from Vite's dev server, whose React refresh preamble is an inline
 * script that main's dev policy allows and this one would block.
 */
/** The renderer and the tests reach the contract by one name instead of four or five levels of ../ (tsconfig's paths say the same). */
const SHARED = resolve(__dirname, 'electron/shared')

export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'evident:content-security-policy-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  }
}

/**
 * pdf.js's character maps (CJK text in PDFs) and its 14 standard fonts, copied into the renderer build under
 * pdfjs/, so the Original view loads them from the app itself ('self' in the policy) and never from a network.
 */
export function pdfjsAssets(): Plugin {
  const from = resolve(__dirname, 'node_modules/pdfjs-dist')
  return {
    name: 'evident:pdfjs-assets',
    apply: 'build',
    generateBundle() {
      for (const folder of ['cmaps', 'standard_fonts']) {
        for (const file of readdirSync(join(from, folder))) {
          if (file.startsWith('LICENSE')) continue
          this.emitFile({ type: 'asset', fileName: `pdfjs/${folder}/${file}`, source: readFileSync(join(from, folder, file)) })
        }
      }
    },
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
    resolve: { alias: { '@shared': SHARED } },
    plugins: [contentSecurityPolicyMeta(), pdfjsAssets(), react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
})

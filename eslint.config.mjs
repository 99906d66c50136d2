import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

// The layer rule from docs/architecture.md, as errors: each layer names what it may not import.
// Entries with a slash or * are path patterns; bare names are whole module names (so 'electron' does not
// also forbid our own electron/shared folder).
// `also` adds regex patterns with their own message (core's folder order).
const layer = (files, forbidden, message, also = []) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: forbidden.filter((f) => !/[/*]/.test(f)).map((name) => ({ name, message })),
        patterns: [...forbidden.filter((f) => /[/*]/.test(f)).map((group) => ({ group: [group], message })), ...also],
      },
    ],
  },
})

const CORE_FORBIDDEN = ['**/main/**', '**/preload/**', '**/server/**', '**/cli/**', '**/renderer/**', 'electron', 'electron/*']
const CORE_MESSAGE = 'electron/core is plain Node: it may import electron/shared only, and never the electron module.'

// Core's own folders, lowest first: each may import the folders before it and none after, so a domain never
// reaches up into one built on it; app/ on top orchestrates. errors.ts, ids.ts and depth.ts at core's root sit below all.
// Rule options do not merge across config entries, so each folder's entry repeats core's own list.
const CORE_ORDER = ['net', 'db', 'search', 'sources', 'claims', 'briefs', 'trash', 'citations', 'export', 'project', 'starter', 'app']
const coreFolder = (folder, i) => {
  const above = CORE_ORDER.slice(i + 1)
  const may = CORE_ORDER.slice(0, i).join(', ') || 'nothing of core but errors.ts, ids.ts and depth.ts'
  const message = `Core's folders are ordered ${CORE_ORDER.join(' → ')} (docs/architecture.md): ${folder}/ may import ${may}; orchestrate across domains from app/.`
  const also = above.length ? [{ regex: `^(\\.\\./)+(${above.join('|')})(/|$)`, message }] : []
  return layer([`electron/core/${folder}/**/*.ts`], CORE_FORBIDDEN, CORE_MESSAGE, also)
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-output/**', 'resources/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Importers strip control characters on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  { files: ['scripts/**/*.mjs', 'tests/**/*.{ts,tsx,mjs}'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  layer(
    ['electron/shared/**/*.ts'],
    ['**/core/**', '**/main/**', '**/preload/**', '**/server/**', '**/cli/**', '**/renderer/**', 'electron', 'better-sqlite3', 'node:*'],
    'electron/shared is the contract: it imports nothing of ours and no runtime.',
  ),
  layer(['electron/core/**/*.ts'], CORE_FORBIDDEN, CORE_MESSAGE),
  layer(['electron/core/*.ts'], CORE_FORBIDDEN, CORE_MESSAGE, [
    { regex: `^\\./(${CORE_ORDER.join('|')})(/|$)`, message: "errors.ts, ids.ts and depth.ts sit below all of core's folders: they import none of them." },
  ]),
  ...CORE_ORDER.map(coreFolder),
  layer(
    ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    ['**/server/**', '**/cli/**', '**/renderer/**'],
    'main and preload import core and shared only.',
  ),
  layer(['electron/server/**/*.ts', 'electron/cli/**/*.ts'], ['**/main/**', '**/preload/**', '**/renderer/**', 'electron', 'electron/*'], 'server and cli import core and shared only, never electron.'),
  layer(
    ['renderer/**/*.{ts,tsx}'],
    ['**/electron/core/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/server/**', '**/electron/cli/**', 'electron', 'better-sqlite3', 'node:*', 'zod'],
    'The renderer talks only to the contract (electron/shared); it never learns whether it runs in Electron or a browser.',
  ),
)

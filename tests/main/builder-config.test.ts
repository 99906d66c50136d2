import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// ajv and js-yaml are not our dependencies but electron-builder's: load the very copies app-builder-lib
// uses (hoisting could otherwise hand us eslint's older ajv).
interface Validate {
  (data: unknown): boolean
  errors?: unknown[] | null
}
type AjvClass = new (options: object) => { compile(schema: object): Validate }

const root = join(__dirname, '..', '..')
const builderLib = join(root, 'node_modules', 'app-builder-lib')
const builderRequire = createRequire(join(builderLib, 'package.json'))
const Ajv = builderRequire('ajv') as AjvClass
const yaml = builderRequire('js-yaml') as { load(text: string): unknown }

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>
const schema = JSON.parse(readFileSync(join(builderLib, 'scheme.json'), 'utf8')) as object

let compiled: Validate | null = null
function validator(): Validate {
  // strict: false because the schema carries documentation keywords ajv does not know; types are still checked.
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(schema)
  return compiled
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration schema", () => {
    const validate = validator()
    const valid = validate(config)
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([])
    expect(valid).toBe(true)
  })

  it('would be caught by that schema if it were wrong', () => {
    const validate = validator()
    expect(validate({ ...config, electronFuses: { runAsNode: 'no' } })).toBe(false)
    expect(validate({ ...config, notAnOption: true })).toBe(false)
  })

  it('packages Evident from the build output, with its resources beside the asar', () => {
    expect(config).toMatchObject({
      appId: 'org.evident.app',
      productName: 'Evident',
      directories: { output: 'dist' },
      asar: true,
      extraResources: [{ from: 'resources/', to: 'resources' }],
    })
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']))
  })

  it('packs resources/ once, beside the asar and not inside it too', () => {
    expect((config.files as string[]).filter((f) => f.replace(/^!/, '').startsWith('resources'))).toEqual([])
    expect((config.extraResources as { from: string }[]).filter((r) => r.from.startsWith('resources'))).toHaveLength(1)
  })

  it('never rebuilds native modules, and loads the SQLite prebuilds from outside the asar', () => {
    // A rebuild would leave an Electron-ABI build/Release in node_modules that Node then loads first.
    expect(config.npmRebuild).toBe(false)
    expect(config.buildDependenciesFromSource).not.toBe(true)
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/prebuilds/*.node']))
    const prebuilds = readdirSync(join(root, 'node_modules', 'better-sqlite3', 'prebuilds')).filter((f) => f.endsWith('.node'))
    expect(prebuilds).toEqual(expect.arrayContaining(['linux-x64.node', 'darwin-arm64.node', 'win32-x64.node']))
  })

  it("verifies the packed binary's fuses in an afterPack hook that electron-builder can load", async () => {
    expect(config.afterPack).toBe('./scripts/verify-fuses.mjs')
    expect(existsSync(join(root, config.afterPack as string))).toBe(true)
    // The very loader electron-builder uses for hooks, from the project folder as `npm run dist` runs it.
    const { resolveFunction } = builderRequire('./out/util/resolve') as { resolveFunction(type: unknown, executor: unknown, name: string, root: string): Promise<unknown> }
    const hook = await resolveFunction('electron', config.afterPack, 'afterPack', root)
    expect(hook).toBeTypeOf('function')
    expect((hook as { name: string }).name).toBe('afterPack')
  })

  it('opens .evident files as their editor', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'evident', name: 'Evident project', role: 'Editor' })])
  })

  it('builds AppImage and deb for Linux, dmg for macOS, an installer for Windows', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' })
    expect(config.mac).toMatchObject({ target: 'dmg' })
    expect(config.win).toMatchObject({ target: 'nsis' })
  })

  // Which fuses and why: tests/main/fuses.test.ts, read against @electron/fuses' own list.
  it('flips the Electron fuses so the shipped binary cannot be used as a Node runtime', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false })
  })
})

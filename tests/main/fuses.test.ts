import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FuseState, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  builderKeyFor,
  electronBinaryPath,
  expectedFuseWire,
  fuseNames,
  fuseWireDifferences,
  verifyPackedFuses,
  type ElectronFuses,
  type PackContext,
} from '../../scripts/verify-fuses.mjs'

const root = join(__dirname, '..', '..')
const builderLib = join(root, 'node_modules', 'app-builder-lib')
const yaml = createRequire(join(builderLib, 'package.json'))('js-yaml') as { load(text: string): unknown }
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses: ElectronFuses }

interface Verdict {
  /** The safe state of the fuse for Evident. */
  enabled: boolean
  /** false when electron-builder has no key for it: the fuse then keeps Electron's default, which must be the safe one. */
  builderCanSet: boolean
  why: string
}

// A verdict for every fuse @electron/fuses knows, written from what Evident does, not copied from the YAML.
// A fuse a newer @electron/fuses adds fails the first test until someone decides about it here.
const VERDICTS: Record<string, Verdict> = {
  RunAsNode: { enabled: false, builderCanSet: true, why: 'ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node; the document parser runs as a utilityProcess, which does not need it' },
  EnableCookieEncryption: { enabled: true, builderCanSet: true, why: 'cookies on disk are encrypted with the OS keychain, as Chrome does' },
  EnableNodeOptionsEnvironmentVariable: { enabled: false, builderCanSet: true, why: 'NODE_OPTIONS=--require would run foreign code in the main process' },
  EnableNodeCliInspectArguments: { enabled: false, builderCanSet: true, why: '--inspect or SIGUSR1 would open a debugger onto the main process' },
  EnableEmbeddedAsarIntegrityValidation: { enabled: true, builderCanSet: true, why: 'a tampered app.asar is refused where Electron can check it (macOS, Windows)' },
  OnlyLoadAppFromAsar: { enabled: true, builderCanSet: true, why: 'an app/ folder dropped beside the asar is never loaded instead of it' },
  LoadBrowserProcessSpecificV8Snapshot: {
    enabled: false,
    builderCanSet: true,
    why: 'Evident ships no browser_v8_context_snapshot.bin (no custom snapshot): every process keeps the one snapshot Electron signs and ships',
  },
  GrantFileProtocolExtraPrivileges: { enabled: false, builderCanSet: true, why: 'the renderer is served from app://; file:// pages get no powers beyond a browser\'s' },
  WasmTrapHandlers: {
    enabled: true,
    builderCanSet: false,
    why: "Electron's default: V8 catches out-of-bounds WebAssembly memory access with guard regions and a signal handler; off only swaps that for slower explicit bounds checks (pdf.js decodes images with WebAssembly) and suits apps with their own signal handlers, which Evident has none of",
  },
}

/** What an unflipped Electron binary holds: the documented defaults, the wire 101100011 in fuse order. */
const ELECTRON_DEFAULTS: Record<string, boolean> = {
  RunAsNode: true,
  EnableCookieEncryption: false,
  EnableNodeOptionsEnvironmentVariable: true,
  EnableNodeCliInspectArguments: true,
  EnableEmbeddedAsarIntegrityValidation: false,
  OnlyLoadAppFromAsar: false,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: true,
  WasmTrapHandlers: true,
}

/** How app-builder-lib itself turns electronFuses keys into @electron/fuses indexes (its generateFuseConfig). */
function builderMapping(): Map<string, string> {
  const source = readFileSync(join(builderLib, 'out', 'platformPackager.js'), 'utf8')
  const pairs = [...source.matchAll(/config\[FuseV1Options\.(\w+)\]\s*=\s*fuses\.(\w+)/g)]
  return new Map(pairs.map(([, fuse, key]) => [fuse!, key!]))
}

function builderSchemaKeys(): string[] {
  const schema = JSON.parse(readFileSync(join(builderLib, 'scheme.json'), 'utf8')) as { definitions: Record<string, { properties: Record<string, unknown> }> }
  return Object.keys(schema.definitions.FuseOptionsV1!.properties)
}

describe('the security fuses', () => {
  it('has a verdict for every fuse @electron/fuses knows, and none for fuses it does not', () => {
    const known = fuseNames()
    expect(known.length).toBeGreaterThanOrEqual(9)
    expect(known, 'a fuse without a verdict: decide it in VERDICTS').toEqual(known.filter((name) => name in VERDICTS))
    expect(Object.keys(VERDICTS).filter((name) => !known.includes(name)), 'a verdict for a fuse @electron/fuses no longer has').toEqual([])
  })

  it("maps each fuse to electron-builder's key the way app-builder-lib does", () => {
    const mapping = builderMapping()
    expect(mapping.size, 'the pattern no longer finds app-builder-lib\'s fuse mapping').toBeGreaterThanOrEqual(8)
    for (const [fuse, key] of mapping) {
      expect(fuse in FuseV1Options, fuse).toBe(true)
      expect(builderKeyFor(fuse)).toBe(key)
    }
    for (const name of fuseNames()) {
      const settable = mapping.has(name)
      // When electron-builder learns a fuse it could not set before, this says: move it into electron-builder.yml.
      expect(settable, `can electron-builder set ${name}?`).toBe(VERDICTS[name]!.builderCanSet)
      expect(builderSchemaKeys().includes(builderKeyFor(name)), `${builderKeyFor(name)} in electron-builder's schema`).toBe(settable)
    }
  })

  it.each(Object.entries(VERDICTS).filter(([, v]) => v.builderCanSet))('electron-builder.yml sets %s the safe way', (name, verdict) => {
    const key = builderKeyFor(name)
    expect(config.electronFuses, `electronFuses.${key} is missing`).toHaveProperty(key)
    expect(config.electronFuses[key], `${key} should be ${verdict.enabled}: ${verdict.why}`).toBe(verdict.enabled)
  })

  it('leaves only safe defaults to the fuses electron-builder cannot set', () => {
    for (const [name, verdict] of Object.entries(VERDICTS).filter(([, v]) => !v.builderCanSet)) {
      expect(ELECTRON_DEFAULTS[name], `${name}: ${verdict.why}`).toBe(verdict.enabled)
    }
  })

  it('sets nothing in electronFuses beyond the fuses', () => {
    const keys = Object.keys(config.electronFuses)
    expect(keys.sort()).toEqual(
      Object.entries(VERDICTS)
        .filter(([, v]) => v.builderCanSet)
        .map(([name]) => builderKeyFor(name))
        .sort(),
    )
  })
})

function wireOf(states: Record<string, boolean>): Record<string, unknown> {
  const wire: Record<string, unknown> = { version: FuseVersion.V1 }
  for (const [name, enabled] of Object.entries(states)) wire[FuseV1Options[name as keyof typeof FuseV1Options]] = enabled ? FuseState.ENABLE : FuseState.DISABLE
  return wire
}

const safeStates = Object.fromEntries(Object.entries(VERDICTS).map(([name, v]) => [name, v.enabled]))

describe('verify-fuses: comparing a binary against electron-builder.yml', () => {
  it('expects exactly the fuses electron-builder.yml sets, by their @electron/fuses index', () => {
    const expected = expectedFuseWire(config.electronFuses)
    expect(expected).toEqual({
      [FuseV1Options.RunAsNode]: FuseState.DISABLE,
      [FuseV1Options.EnableCookieEncryption]: FuseState.ENABLE,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FuseState.DISABLE,
      [FuseV1Options.EnableNodeCliInspectArguments]: FuseState.DISABLE,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FuseState.ENABLE,
      [FuseV1Options.OnlyLoadAppFromAsar]: FuseState.ENABLE,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: FuseState.DISABLE,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: FuseState.DISABLE,
    })
    expect(expectedFuseWire({ ...config.electronFuses, resetAdHocDarwinSignature: true })).toEqual(expected)
  })

  it('refuses a config it cannot check', () => {
    expect(() => expectedFuseWire(undefined)).toThrow(/no electronFuses/)
    expect(() => expectedFuseWire({ runAsNodes: false })).toThrow(/runAsNodes.*does not know/)
    expect(() => expectedFuseWire({ runAsNode: 'no' })).toThrow(/true or false/)
  })

  it('finds nothing wrong with a binary flipped the way the YAML says', () => {
    expect(fuseWireDifferences(expectedFuseWire(config.electronFuses), wireOf(safeStates))).toEqual([])
  })

  it('names every fuse an unflipped Electron binary gets wrong', () => {
    const problems = fuseWireDifferences(expectedFuseWire(config.electronFuses), wireOf(ELECTRON_DEFAULTS))
    expect(problems).toEqual([
      'RunAsNode: electron-builder.yml asks for DISABLE, the binary has ENABLE',
      'EnableCookieEncryption: electron-builder.yml asks for ENABLE, the binary has DISABLE',
      'EnableNodeOptionsEnvironmentVariable: electron-builder.yml asks for DISABLE, the binary has ENABLE',
      'EnableNodeCliInspectArguments: electron-builder.yml asks for DISABLE, the binary has ENABLE',
      'EnableEmbeddedAsarIntegrityValidation: electron-builder.yml asks for ENABLE, the binary has DISABLE',
      'OnlyLoadAppFromAsar: electron-builder.yml asks for ENABLE, the binary has DISABLE',
      'GrantFileProtocolExtraPrivileges: electron-builder.yml asks for DISABLE, the binary has ENABLE',
    ])
  })

  it('catches a fuse removed from the binary, a short wire, another wire version and a fuse nobody has decided', () => {
    const expected = expectedFuseWire(config.electronFuses)
    const removed = { ...wireOf(safeStates), [FuseV1Options.RunAsNode]: FuseState.REMOVED }
    expect(fuseWireDifferences(expected, removed)).toEqual(['RunAsNode: electron-builder.yml asks for DISABLE, the binary has REMOVED'])
    const short = wireOf(safeStates)
    delete short[FuseV1Options.GrantFileProtocolExtraPrivileges]
    expect(fuseWireDifferences(expected, short)).toEqual(['GrantFileProtocolExtraPrivileges: electron-builder.yml asks for DISABLE, the binary has absent'])
    expect(fuseWireDifferences(expected, { ...wireOf(safeStates), version: '2' })).toEqual([expect.stringContaining('fuse wire version 2')])
    const future = { ...wireOf(safeStates), 40: FuseState.ENABLE }
    expect(fuseWireDifferences(expected, future)).toEqual([expect.stringContaining('fuse #40 is in the binary but unknown to @electron/fuses')])
  })

  it('looks for the binary where electron-builder flips it on each platform', () => {
    const packager = { config: { electronFuses: {} }, appInfo: { productFilename: 'Evident' }, executableName: 'evident' }
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe(join('/o', 'evident'))
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(join('/o', 'Evident.exe'))
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe(join('/o', 'Evident.app'))
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'mas', packager })).toBe(join('/o', 'Evident.app'))
  })
})

// A stand-in for the Electron binary: filler bytes, the sentinel @electron/fuses scans for, then the wire
// (version byte, length byte, one byte per fuse) as Electron lays it out.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

function fakeElectron(dir: string, states: Record<string, boolean>): string {
  const names = fuseNames()
  const wire = names.map((name) => (states[name] ? FuseState.ENABLE : FuseState.DISABLE))
  const filler = Buffer.alloc(64 * 1024, 0x90)
  const file = join(dir, 'evident')
  writeFileSync(file, Buffer.concat([filler, Buffer.from(SENTINEL), Buffer.from([1, names.length, ...wire]), filler]))
  return file
}

describe('verify-fuses on a packed binary (a fake one holding the fuse sentinel)', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  function packed(states = ELECTRON_DEFAULTS): { context: PackContext; binary: string } {
    const dir = mkdtempSync(join(tmpdir(), 'evident-fuses-'))
    dirs.push(dir)
    const binary = fakeElectron(dir, states)
    const context = { appOutDir: dir, electronPlatformName: 'linux', packager: { config: { electronFuses: config.electronFuses }, appInfo: { productFilename: 'Evident' }, executableName: 'evident' } }
    return { context, binary }
  }

  it('reads the fake wire back with @electron/fuses as Electron would have it', async () => {
    const { binary } = packed()
    expect(await getCurrentFuseWire(binary)).toEqual(wireOf(ELECTRON_DEFAULTS))
  })

  it('flips the fuses in the packed binary and confirms them, leaving the fuses electron-builder cannot set at their defaults', async () => {
    const { context, binary } = packed()
    const log = vi.fn()
    await verifyPackedFuses(context, { log })
    expect(await getCurrentFuseWire(binary)).toEqual(wireOf(safeStates))
    expect(log).toHaveBeenCalledWith(expect.stringContaining('8 fuses'))
  })

  it('stops the build when the binary does not end up as electron-builder.yml says', async () => {
    const { context } = packed()
    const noFlip = async () => 0
    await expect(verifyPackedFuses(context, { flip: noFlip, log: () => undefined })).rejects.toThrow(/does not match electron-builder\.yml:[\s\S]*RunAsNode: electron-builder\.yml asks for DISABLE, the binary has ENABLE/)
  })

  it('stops the build when there is no binary, or its wire is too short for the fuses asked for', async () => {
    const { context, binary } = packed()
    rmSync(binary)
    await expect(verifyPackedFuses(context)).rejects.toThrow(/no Electron binary at/)
    writeFileSync(binary, Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, 3, FuseState.ENABLE, FuseState.ENABLE, FuseState.ENABLE])]))
    await expect(verifyPackedFuses(context, { log: () => undefined })).rejects.toThrow(/not long enough/)
  })
})

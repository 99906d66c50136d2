// electron-builder afterPack hook (see electron-builder.yml): the packed Electron binary must carry exactly
// the fuses electron-builder.yml asks for, or `npm run dist` stops here, before anything is signed or shipped.
//
// electron-builder runs afterPack hooks *before* it flips the fuses itself (app-builder-lib's
// platformPackager: emitAfterPack, then doAddElectronFuses, then signing). Reading the wire here would only
// ever show Electron's defaults, so the hook flips the same values first, through the same @electron/fuses
// the fuse test reads, and then reads the binary back. electron-builder's own flip that follows writes the
// very same bytes from the very same electronFuses.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { FuseState, FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses'

/** Not a fuse: an electron-builder option that travels in the same block. */
const NOT_A_FUSE = new Set(['resetAdHocDarwinSignature'])

/** The fuse names @electron/fuses knows, in wire order (the enum's name members, not its reverse map). */
export function fuseNames() {
  return Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)))
}

/** electron-builder's electronFuses key for a fuse: app-builder-lib maps RunAsNode to runAsNode and so on. */
export function builderKeyFor(fuseName) {
  return fuseName.charAt(0).toLowerCase() + fuseName.slice(1)
}

/** The wire that electronFuses asks for, as @electron/fuses reads it: fuse index → FuseState. */
export function expectedFuseWire(electronFuses) {
  if (!electronFuses || typeof electronFuses !== 'object') throw new Error('electron-builder.yml has no electronFuses block, so there is nothing to verify.')
  const indexByKey = new Map(fuseNames().map((name) => [builderKeyFor(name), FuseV1Options[name]]))
  const expected = {}
  for (const [key, value] of Object.entries(electronFuses)) {
    if (NOT_A_FUSE.has(key)) continue
    const index = indexByKey.get(key)
    if (index === undefined) throw new Error(`electron-builder.yml sets electronFuses.${key}, a fuse the installed @electron/fuses does not know.`)
    if (typeof value !== 'boolean') throw new Error(`electron-builder.yml sets electronFuses.${key} to ${JSON.stringify(value)}; a fuse is true or false.`)
    expected[index] = value ? FuseState.ENABLE : FuseState.DISABLE
  }
  return expected
}

function stateName(state) {
  return state === undefined ? 'absent' : (FuseState[state] ?? `unknown state ${state}`)
}

/** One line per way the binary's wire differs from the expected one; empty when they agree. */
export function fuseWireDifferences(expected, actual) {
  const problems = []
  if (actual.version !== FuseVersion.V1) problems.push(`fuse wire version ${actual.version}, where @electron/fuses reads version ${FuseVersion.V1}`)
  for (const [index, state] of Object.entries(expected)) {
    if (actual[index] !== state) problems.push(`${FuseV1Options[index]}: electron-builder.yml asks for ${stateName(state)}, the binary has ${stateName(actual[index])}`)
  }
  // A newer Electron has a fuse nobody has decided about yet: update @electron/fuses, then give it a
  // verdict in tests/main/fuses.test.ts (and a value in electron-builder.yml when electron-builder knows it).
  for (const index of Object.keys(actual)) {
    if (index !== 'version' && FuseV1Options[index] === undefined) problems.push(`fuse #${index} is in the binary but unknown to @electron/fuses (state ${stateName(actual[index])})`)
  }
  return problems
}

/** Where electron-builder's addElectronFuses finds the binary (a macOS .app is resolved by @electron/fuses). */
export function electronBinaryPath({ appOutDir, electronPlatformName, packager }) {
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${packager.appInfo.productFilename}.app`)
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`)
  return join(appOutDir, packager.executableName)
}

/**
 * Flips electronFuses into the packed binary and proves they took. flip and read are the @electron/fuses
 * functions; the tests pass others to show a binary that was not flipped is caught.
 */
export async function verifyPackedFuses(context, { flip = flipFuses, read = getCurrentFuseWire, log = console.log } = {}) {
  const expected = expectedFuseWire(context.packager.config.electronFuses)
  const binary = electronBinaryPath(context)
  if (!existsSync(binary)) throw new Error(`verify-fuses: no Electron binary at ${binary}, so its fuses cannot be checked.`)
  const config = { version: FuseVersion.V1 }
  for (const [index, state] of Object.entries(expected)) config[index] = state === FuseState.ENABLE
  await flip(binary, config)
  // A universal macOS binary holds two wires; getCurrentFuseWire reads the first, flipFuses wrote both.
  const problems = fuseWireDifferences(expected, await read(binary))
  if (problems.length > 0) throw new Error(`verify-fuses: the packed binary ${binary} does not match electron-builder.yml:\n  ${problems.join('\n  ')}`)
  log(`verify-fuses: ${Object.keys(expected).length} fuses in ${binary} match electron-builder.yml`)
}

export default async function afterPack(context) {
  await verifyPackedFuses(context)
}

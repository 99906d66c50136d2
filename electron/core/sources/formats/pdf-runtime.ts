import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'

/**
 * pdfjs-dist's legacy build (the one for Node) bundles core-js, and one of its polyfills replaces
 * Array.prototype.push for the whole process with a JavaScript version, because V8's native push does not
 * throw on an array whose length was made read-only. Nothing here relies on that edge case, and the
 * polyfill made every push in the process several times slower: a quarter of PDF extraction time, and
 * everything else the main process does once a PDF has been read. The engine's own push is captured here,
 * before pdf.js is first loaded (this module loads it lazily), and put back once it has.
 * (core-js also dresses its functions up as "[native code]", so identity is the only test that works.)
 */
const enginePush = Object.getOwnPropertyDescriptor(Array.prototype, 'push')!

function restoreEnginePush(): void {
  if (Array.prototype.push !== enginePush.value) Object.defineProperty(Array.prototype, 'push', enginePush)
}

export interface PdfRuntime {
  pdfjs: typeof Pdfjs
  worker: Pdfjs.PDFWorker
}

let runtime: Promise<PdfRuntime> | undefined

/**
 * pdf.js and one worker, set up once and shared by every PDF the process reads: loading the modules and
 * starting a worker is per process, not per file. In Node the worker code runs on this thread ("fake
 * worker"); handing it the worker module here, rather than letting it import one by a path relative to
 * itself, keeps that working when the main process is bundled.
 */
export async function pdfRuntime(): Promise<PdfRuntime> {
  runtime ??= startRuntime()
  const loading = runtime
  const ready = await loading
  if (!ready.worker.destroyed) return ready
  // Nothing here destroys the shared worker; should anything ever do so, the next PDF starts a new one.
  if (runtime === loading) runtime = undefined
  return pdfRuntime()
}

/**
 * pdf.js needs DOMMatrix as soon as it loads, and in Node borrows it from @napi-rs/canvas, a native addon.
 * The document reader runs under Node's permission model, which allows no native addons (an addon's C code
 * would bypass the file-access rules), and reading text draws nothing: a pure-JS DOMMatrix is all it needs.
 */
async function provideDomMatrix(): Promise<void> {
  const global = globalThis as { DOMMatrix?: unknown }
  if (global.DOMMatrix) return
  const { default: CSSMatrix } = await import('@thednp/dommatrix')
  global.DOMMatrix = CSSMatrix
}

function startRuntime(): Promise<PdfRuntime> {
  const loading = (async () => {
    await provideDomMatrix()
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    const global = globalThis as { pdfjsWorker?: unknown }
    // @ts-expect-error -- pdfjs-dist ships no type declarations for its worker module.
    global.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    restoreEnginePush()
    const worker = new pdfjs.PDFWorker({ verbosity: pdfjs.VerbosityLevel.ERRORS })
    await worker.promise
    return { pdfjs, worker }
  })()
  // A failed set-up is not kept: the next PDF tries again.
  loading.catch(() => {
    if (runtime === loading) runtime = undefined
  })
  return loading
}

import { availableParallelism } from 'node:os'
import { AppError } from '../../errors'
import type { VisualLine } from '../extract'
import type { ExtractedDocument } from '../extracted'
import type { ParserChannel, SpawnParser } from './channel'
import type { OriginalView } from '../../../shared/dto/original-view'
import type { RasterisedSvg } from '../formats/svg-raster'
import type { DocumentParser, ParseJob, RasteriseJob, RenderJob } from './parser'
import { cancelled, couldNotStart, whyItEnded } from './messages'
import { HEAP_EXHAUSTED_PATTERN, MEMORY_CEILING_MARKER, type ParserReply, type ParserRequest } from './protocol'
import type { ReaderWork } from './messages'

/** How long a file may take: a base, more for every megabyte, and more for every page it announces. */
export interface TimeBudget {
  baseMs: number
  msPerMegabyte: number
  msPerPage: number
  /** More for every scanned page read by OCR. */
  ocrMsPerPage: number
}

export interface PoolOptions {
  spawn: SpawnParser
  /** Processes reading at once. Defaults to the machine's cores (two on two cores), at most four. */
  size?: number
  time?: Partial<TimeBudget>
  /** Only for the message: what the spawned processes were limited to. */
  maxRssBytes?: number
}

export const DEFAULT_TIME_BUDGET: TimeBudget = { baseMs: 30_000, msPerMegabyte: 2_000, msPerPage: 500, ocrMsPerPage: 30_000 }

/** A PDF this long is read by two parsers at once when one is free: below it, opening it twice costs more. */
export const MIN_SHARED_PAGES = 24

export function defaultPoolSize(): number {
  return Math.min(4, Math.max(1, availableParallelism()))
}

type Answer = ExtractedDocument | VisualLine[][] | OriginalView | RasterisedSvg

interface Running {
  id: number
  job: ParseJob
  startedAt: number
  limitMs: number
  timer: NodeJS.Timeout
  stoppedFor?: 'time' | 'cancel'
  /** A whole document is assembled from its pages; a 'pages' request reads part of one for another parser. */
  kind: ReaderWork
  resolve(value: Answer): void
  reject(error: unknown): void
  onAbort(): void
}

/** One process of the pool, with the tail of what it wrote to stderr (to tell why it ended). */
class Slot {
  ready: Promise<void>
  running: Running | null = null
  exited = false
  stderr = ''
  private markReady!: () => void

  constructor(readonly channel: ParserChannel) {
    this.ready = new Promise((resolve) => (this.markReady = resolve))
    channel.onStderr((text) => {
      this.stderr = (this.stderr + text).slice(-4096)
    })
  }

  readyNow(): void {
    this.markReady()
  }
}

/**
 * Reads documents in separate processes, a few at once. A process that hangs past its time limit, goes past
 * its memory ceiling or crashes costs only the file it was reading: that file fails with its own message,
 * the process is replaced on the next file, and the batch goes on.
 */
export class ParserPool implements DocumentParser {
  /** Processes reading at once. */
  readonly size: number
  /**
   * One file more than there are readers: while a file is loaded, hashed or stored in the app's process, the
   * next is already queued for a reader, so no reader sits idle between files.
   */
  readonly concurrency: number
  private readonly time: TimeBudget
  private readonly slots = new Set<Slot>()
  private readonly idle: Slot[] = []
  private readonly waiting: Array<(slot: Slot) => void> = []
  private nextId = 1
  private closed = false

  constructor(private readonly options: PoolOptions) {
    this.size = Math.max(1, options.size ?? defaultPoolSize())
    this.concurrency = this.size + 1
    this.time = { ...DEFAULT_TIME_BUDGET, ...options.time }
  }

  async parse(job: ParseJob): Promise<ExtractedDocument> {
    if (job.signal?.aborted) throw cancelled(job.fileName)
    return this.withSlot((slot) => this.run(slot, job))
  }

  /** The Original view's layout of a saved page or .docx, read under the same limits as an import. */
  async render(job: RenderJob): Promise<OriginalView> {
    return this.withSlot((slot) => this.runOn(slot, job, 'render', 0, (id) => ({ type: 'render', id, ...job })) as Promise<OriginalView>)
  }

  /** An SVG figure drawn as a PNG, under the same limits as an import. */
  async rasterise(job: RasteriseJob): Promise<RasterisedSvg> {
    return this.withSlot((slot) => this.runOn(slot, job, 'rasterise', 0, (id) => ({ type: 'rasterise', id, ...job })) as Promise<RasterisedSvg>)
  }

  private async withSlot<T>(work: (slot: Slot) => Promise<T>): Promise<T> {
    const slot = await this.acquire()
    try {
      await slot.ready
      if (slot.exited) throw couldNotStart(slot.stderr)
      return await work(slot)
    } finally {
      this.release(slot)
    }
  }

  async close(): Promise<void> {
    this.closed = true
    for (const slot of this.slots) slot.channel.kill()
    this.slots.clear()
    this.idle.length = 0
  }

  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new AppError('CANCELLED', 'Evident is closing: the import was stopped.'))
    const idle = this.idle.pop()
    if (idle) return Promise.resolve(this.busy(idle))
    if (this.slots.size < this.size) return Promise.resolve(this.busy(this.start()))
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  /**
   * A process is "busy" (keeps a CLI run alive) from the moment a file is meant for it, including while it
   * is still starting: otherwise a command waiting only for a reader's 'ready' would end there and then.
   */
  private busy(slot: Slot): Slot {
    slot.channel.setBusy(true)
    return slot
  }

  private release(slot: Slot): void {
    if (slot.exited || this.closed) return
    const next = this.waiting.shift()
    if (next) return next(slot)
    slot.channel.setBusy(false)
    this.idle.push(slot)
  }

  private start(): Slot {
    const slot = new Slot(this.options.spawn())
    this.slots.add(slot)
    slot.channel.onReply((reply) => this.onReply(slot, reply))
    slot.channel.onExit((code, signal) => this.onExit(slot, code, signal))
    return slot
  }

  private run(slot: Slot, job: ParseJob): Promise<ExtractedDocument> {
    const options = job.options ?? {}
    return this.runOn(slot, job, 'document', 0, (id) => ({ type: 'parse', id, fileName: job.fileName, bytes: job.bytes, options })) as Promise<ExtractedDocument>
  }

  private runOn(slot: Slot, job: ParseJob, kind: ReaderWork, pages: number, request: (id: number) => ParserRequest): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++
      const limitMs = this.time.baseMs + (job.bytes.byteLength / (1024 * 1024)) * this.time.msPerMegabyte + pages * this.time.msPerPage
      const running: Running = {
        id,
        job,
        kind,
        startedAt: Date.now(),
        limitMs,
        timer: setTimeout(() => this.stop(slot, 'time'), limitMs),
        resolve,
        reject,
        onAbort: () => this.stop(slot, 'cancel'),
      }
      slot.running = running
      job.signal?.addEventListener('abort', running.onAbort, { once: true })
      slot.channel.send(request(id))
    })
  }

  /**
   * A long PDF's second half goes to a free parser, if there is one, while the first reads the first half.
   * In a batch every parser is usually busy with a file of its own, and then nothing is shared.
   */
  private plan(slot: Slot, running: Running, pages: number): void {
    const helper = running.kind === 'document' && pages >= MIN_SHARED_PAGES ? this.takeFree() : null
    const sharedFrom = helper ? Math.floor(pages / 2) + 1 : null
    slot.channel.send({ type: 'plan', id: running.id, sharedFrom })
    if (!helper || sharedFrom === null) return
    void this.readShared(helper, running.job, sharedFrom, pages).then((shared) => {
      if (!slot.exited && slot.running === running) slot.channel.send({ type: 'shared', id: running.id, pages: shared })
    })
  }

  private takeFree(): Slot | null {
    if (this.closed) return null
    const free = this.idle.pop() ?? (this.slots.size < this.size ? this.start() : null)
    return free && this.busy(free)
  }

  /** The pages another parser read, or null if it could not (the first parser then reads them itself). */
  private async readShared(helper: Slot, job: ParseJob, from: number, to: number): Promise<VisualLine[][] | null> {
    try {
      await helper.ready
      if (helper.exited) return null
      const request = (id: number): ParserRequest => ({ type: 'pages', id, fileName: job.fileName, bytes: job.bytes, from, to })
      return (await this.runOn(helper, job, 'pages', to - from + 1, request)) as VisualLine[][]
    } catch {
      return null
    } finally {
      this.release(helper)
    }
  }

  private onReply(slot: Slot, reply: ParserReply): void {
    if (reply.type === 'ready') return slot.readyNow()
    const running = slot.running
    if (!running || running.id !== reply.id) return
    if (reply.type === 'announce') {
      this.lengthen(slot, running, Math.max(0, reply.pages) * this.time.msPerPage)
      return this.plan(slot, running, reply.pages)
    }
    if (reply.type === 'progress') {
      // OCR takes seconds a page where text takes milliseconds: each scanned page brings its own time.
      this.lengthen(slot, running, this.time.ocrMsPerPage)
      return running.job.onProgress?.({ page: reply.page, pages: reply.pages })
    }
    this.finish(slot)
    if (reply.type === 'done') running.resolve(reply.document)
    else if (reply.type === 'pages-done') running.resolve(reply.pages)
    else if (reply.type === 'rendered') running.resolve(reply.view)
    else if (reply.type === 'rasterised') running.resolve(reply.image)
    else running.reject(new AppError(reply.error.code, reply.error.message))
  }

  /** A long report, or a scanned page, gets the time it needs: the limit is measured from the start of the file. */
  private lengthen(slot: Slot, running: Running, moreMs: number): void {
    const limitMs = running.limitMs + moreMs
    if (limitMs <= running.limitMs) return
    running.limitMs = limitMs
    clearTimeout(running.timer)
    running.timer = setTimeout(() => this.stop(slot, 'time'), Math.max(0, running.startedAt + limitMs - Date.now()))
  }

  private stop(slot: Slot, reason: 'time' | 'cancel'): void {
    if (!slot.running) return
    slot.running.stoppedFor = reason
    slot.channel.kill()
  }

  private finish(slot: Slot): Running | null {
    const running = slot.running
    if (!running) return null
    clearTimeout(running.timer)
    running.job.signal?.removeEventListener('abort', running.onAbort)
    slot.running = null
    return running
  }

  private onExit(slot: Slot, code: number | null, signal: string | null): void {
    slot.exited = true
    slot.readyNow()
    this.slots.delete(slot)
    const index = this.idle.indexOf(slot)
    if (index >= 0) this.idle.splice(index, 1)
    const running = this.finish(slot)
    if (running) {
      const stoppedFor = running.stoppedFor ?? (slot.stderr.includes(MEMORY_CEILING_MARKER) || HEAP_EXHAUSTED_PATTERN.test(slot.stderr) ? 'memory' : undefined)
      running.reject(whyItEnded({ fileName: running.job.fileName, kind: running.kind, stoppedFor, limitMs: running.limitMs, maxRssBytes: this.options.maxRssBytes, code, signal }))
    }
    // Someone was waiting for a process that will now never come free: start them a new one.
    const next = !this.closed && this.slots.size < this.size ? this.waiting.shift() : undefined
    if (next) next(this.busy(this.start()))
  }
}

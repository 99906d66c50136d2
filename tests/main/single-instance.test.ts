import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({}))

import { claimSingleInstance, projectPathFromArgv } from '../../electron/main/single-instance'

function fakeApp(locked = true) {
  const app = new EventEmitter() as EventEmitter & { requestSingleInstanceLock: () => boolean }
  app.requestSingleInstanceLock = () => locked
  return app
}

const openFile = (app: EventEmitter, path: string) => {
  const event = { preventDefault: vi.fn() }
  app.emit('open-file', event, path)
  return event
}

describe('one Evident at a time', () => {
  it('finds the project a launch names, relative to where it was launched', () => {
    expect(projectPathFromArgv(['/opt/Evident/evident', '/home/a/GP.evident'], '/home/a')).toBe('/home/a/GP.evident')
    expect(projectPathFromArgv(['/usr/bin/electron', '.', 'briefs/GP.EVIDENT'], '/home/a')).toBe('/home/a/briefs/GP.EVIDENT')
    expect(projectPathFromArgv(['/opt/Evident/evident', '--no-sandbox', '--flag=x.evident'], '/home/a')).toBeNull()
    expect(projectPathFromArgv(['/opt/Evident/evident', 'notes.txt'], '/home/a')).toBeNull()
  })

  it('a second launch quits and hands over; the first focuses and opens the project', () => {
    expect(claimSingleInstance(fakeApp(false) as never, [], '/')).toBeNull()

    const app = fakeApp()
    const requests = claimSingleInstance(app as never, ['/opt/Evident/evident'], '/home/a')!
    expect(requests.initialPath()).toBeNull()
    const onRequest = vi.fn()
    requests.listen(onRequest)
    app.emit('second-instance', {}, ['/opt/Evident/evident', 'Other.evident'], '/home/b', {})
    app.emit('second-instance', {}, ['/opt/Evident/evident'], '/home/b', {})
    expect(onRequest.mock.calls).toEqual([['/home/b/Other.evident'], [null]])
  })

  it('a macOS open-file before the app is ready becomes the project to open first', () => {
    const app = fakeApp()
    const requests = claimSingleInstance(app as never, ['/Applications/Evident.app/Contents/MacOS/Evident'], '/')!
    expect(openFile(app, '/Users/a/GP.evident').preventDefault).toHaveBeenCalled()
    openFile(app, '/Users/a/notes.pdf')
    expect(requests.initialPath()).toBe('/Users/a/GP.evident')
  })

  it('holds requests that arrive while the first project is still opening, then delivers them', () => {
    const app = fakeApp()
    const requests = claimSingleInstance(app as never, ['/opt/Evident/evident', '/p/First.evident'], '/')!
    expect(requests.initialPath()).toBe('/p/First.evident')
    openFile(app, '/p/Second.evident')
    const onRequest = vi.fn()
    requests.listen(onRequest)
    expect(onRequest).toHaveBeenCalledWith('/p/Second.evident')
  })
})

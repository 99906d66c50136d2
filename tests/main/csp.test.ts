import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { HtmlTagDescriptor } from 'vite'
import { contentSecurityPolicyMeta } from '../../electron.vite.config'
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '@shared/web'

const root = join(__dirname, '..', '..')

function directives(policy: string): string[] {
  return policy.split(';').map((d) => d.trim())
}

describe('one content security policy for the header and the page', () => {
  it('gives the meta tag the header policy, less what only a header can carry', () => {
    expect(directives(META_CONTENT_SECURITY_POLICY)).toEqual(directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors')))
  })

  it('allows no inline style sheets or <style> elements, only style attributes, for the reason written beside it', () => {
    const policy = directives(CONTENT_SECURITY_POLICY)
    expect(policy).toContain("style-src 'self'")
    expect(policy.filter((d) => d.includes("'unsafe-inline'"))).toEqual(["style-src-attr 'unsafe-inline'"])
    expect(policy.some((d) => d.startsWith('style-src-elem'))).toBe(false)
    expect(readFileSync(join(root, 'electron', 'shared', 'web.ts'), 'utf8')).toMatch(/Style \*attributes\* are still allowed, for one reason/)
  })

  it('is injected into index.html by the renderer build, first in <head>, and only there', () => {
    const plugin = contentSecurityPolicyMeta()
    expect(plugin.apply).toBe('build')
    // Ours is a plain function of nothing: it needs neither the page nor Vite's plugin context.
    const transform = plugin.transformIndexHtml as unknown as () => HtmlTagDescriptor[]
    const tags = transform()
    expect(tags).toEqual([{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }])
  })

  it('leaves the source index.html without a policy of its own to drift', () => {
    expect(readFileSync(join(root, 'renderer', 'index.html'), 'utf8')).not.toMatch(/<meta[^>]+http-equiv="Content-Security-Policy"/i)
  })

  const built = join(root, 'out', 'renderer', 'index.html')
  it.skipIf(!existsSync(built))('is the policy in the built index.html', () => {
    const html = readFileSync(built, 'utf8')
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)]
    expect(metas).toHaveLength(1)
    expect(metas[0]![1]!.replaceAll('&#39;', "'")).toBe(META_CONTENT_SECURITY_POLICY)
    // Before anything it governs: the entry script and style sheet come after it.
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script'))
  })
})

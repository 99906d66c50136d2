// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { checkLinkUrl, isSafeLinkUrl } from '../../renderer/src/features/brief/editor/link'

describe('links in a brief', () => {
  it('refuses javascript: and other schemes, with a message naming the scheme', () => {
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', ' java\tscript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', 'vbscript:x']) {
      const result = checkLinkUrl(bad)
      expect(result.ok, bad).toBe(false)
      if (!result.ok) expect(result.message).toMatch(/not allowed|does not look/)
      expect(isSafeLinkUrl(bad)).toBe(false)
    }
    const js = checkLinkUrl('javascript:alert(1)')
    expect(js.ok ? '' : js.message).toContain('“javascript:” links are not allowed')
  })

  it('accepts http, https and mailto, and completes bare addresses', () => {
    expect(checkLinkUrl('https://www.nuffieldtrust.org.uk/research')).toEqual({ ok: true, url: 'https://www.nuffieldtrust.org.uk/research' })
    expect(checkLinkUrl('http://example.org')).toEqual({ ok: true, url: 'http://example.org/' })
    expect(checkLinkUrl('mailto:analyst@example.org')).toEqual({ ok: true, url: 'mailto:analyst@example.org' })
    expect(checkLinkUrl('example.org/report')).toEqual({ ok: true, url: 'https://example.org/report' })
    expect(checkLinkUrl('analyst@example.org')).toEqual({ ok: true, url: 'mailto:analyst@example.org' })
  })

  it('says what is wrong with an empty or meaningless address', () => {
    expect(checkLinkUrl('   ')).toMatchObject({ ok: false })
    expect(checkLinkUrl('not a link')).toMatchObject({ ok: false, message: 'That does not look like a web or e-mail address.' })
  })
})

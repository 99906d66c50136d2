const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Style sheets and <style> elements come only from the app. React's style props and Lexical's styles are
  // set through the CSSOM, which no policy blocks, so the renderer itself needs no inline style at all.
  "style-src 'self'",
  // Style *attributes* are still allowed, for one reason: pasted HTML (Word, Google Docs) is parsed to read its
  // inline styles (bold, italic, Docs' not-bold wrapper, Word's list markers; renderer/src/features/brief/editor/
  // sanitise-html.ts), and Chromium checks each style attribute the parser meets against this policy, even in
  // a DOMParser document that is never shown. Without this line, parsing a Word paste with 10,000 styled runs
  // reports 20,000 violations (header and meta tag) and takes about 0.85 s instead of 0.05 s, measured in
  // Chromium; the text and formatting come through either way. An attribute cannot load anything: img-src
  // and font-src still decide what url() may fetch.
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
]

/** One policy for every way the renderer is served: the Electron window (app://) and browser mode (HTTP). */
export const CONTENT_SECURITY_POLICY = POLICY.join('; ')

/**
 * The same policy for the page's own <meta> tag (injected into index.html by the renderer build), which
 * keeps it in force wherever the built page is opened. frame-ancestors works only as a header, and Chromium
 * warns about it in a meta tag.
 */
export const META_CONTENT_SECURITY_POLICY = POLICY.filter((directive) => !directive.startsWith('frame-ancestors ')).join('; ')

/** Content types for the files of the renderer build, by extension. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csl': 'application/xml; charset=utf-8',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
}

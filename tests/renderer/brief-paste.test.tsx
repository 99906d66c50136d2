// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { registerRichText } from '@lexical/rich-text'
import { $createParagraphNode, $getRoot, createEditor, type LexicalEditor } from 'lexical'
import type { SerializedLexicalNode } from '@shared/dto/brief-nodes'
import { $pasteSanitisedHtml } from '../../renderer/src/features/brief/editor/PastePlugin'
import { sanitiseHtml } from '../../renderer/src/features/brief/editor/sanitise-html'
import { BRIEF_NODES } from '../../renderer/src/features/brief/nodes'

function paste(html: string): { json: SerializedLexicalNode; editor: LexicalEditor } {
  const editor = createEditor({ namespace: 'paste', nodes: [...BRIEF_NODES], onError: (e) => { throw e } })
  const root = document.createElement('div')
  root.contentEditable = 'true'
  document.body.appendChild(root)
  editor.setRootElement(root)
  registerRichText(editor)
  editor.update(() => $getRoot().clear().append($createParagraphNode()).selectEnd(), { discrete: true })
  editor.update(() => void $pasteSanitisedHtml(editor, html), { discrete: true })
  return { json: editor.getEditorState().toJSON().root as unknown as SerializedLexicalNode, editor }
}

function* walk(node: SerializedLexicalNode): Generator<SerializedLexicalNode> {
  yield node
  for (const child of node.children ?? []) yield* walk(child)
}

const WEB_PAGE = `
  <html><head><style>p { color: red }</style><script>window.pwned = true</script></head>
  <body>
    <h1 style="font-size:40px" onclick="alert(1)">Hospital trusts and GPs</h1>
    <p class="lead" style="color:red">Integration <b>improved</b> <i>retention</i>.<img src="http://tracker.example/pixel.gif" onerror="alert(1)"></p>
    <p><a href="javascript:alert(document.cookie)">click me</a> and <a href="https://www.kingsfund.org.uk/">the King's Fund</a></p>
    <ul><li>one</li><li>two <span style="font-weight:700">bold</span></li></ul>
    <iframe src="https://evil.example/"></iframe>
  </body></html>`

describe('pasting HTML from a web page or Word', () => {
  it('keeps no script, style, image, iframe, attribute or unsafe link in the sanitised HTML', () => {
    const html = sanitiseHtml(WEB_PAGE).body.innerHTML
    expect(html).not.toMatch(/script|pwned|<style|color|<img|tracker|iframe|evil|onclick|onerror|class=|style=|javascript/i)
    expect(html).toContain('<h2>Hospital trusts and GPs</h2>')
    expect(html).toContain('<strong>improved</strong>')
    expect(html).toContain('<a href="https://www.kingsfund.org.uk/">')
    expect(html).toContain('click me')
  })

  it('inserts only the brief’s own formatting into the editor', () => {
    const { json } = paste(WEB_PAGE)
    const nodes = [...walk(json)]
    const types = new Set(nodes.map((n) => n.type))
    expect([...types].every((t) => ['root', 'paragraph', 'heading', 'text', 'list', 'listitem', 'link', 'linebreak'].includes(t))).toBe(true)
    expect(nodes.filter((n) => n.type === 'link').map((n) => n.url)).toEqual(['https://www.kingsfund.org.uk/'])
    expect(nodes.some((n) => n.type === 'heading' && n.tag === 'h2')).toBe(true)
    const text = nodes.filter((n) => n.type === 'text')
    expect(text.map((n) => n.text).join('')).toContain('click me')
    expect(text.every((n) => !n.style)).toBe(true)
    expect(text.find((n) => n.text === 'improved')?.format).toBe(1)
    expect(text.find((n) => n.text === 'retention')?.format).toBe(2)
    expect(text.find((n) => n.text === 'bold')?.format).toBe(1)
    expect(JSON.stringify(json)).not.toMatch(/javascript|tracker|pwned|color:/)
  })

  it('drops Word’s list bullets and conditional comments but keeps the words', () => {
    const word = `<!--[if gte mso 9]><xml>junk</xml><![endif]--><p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·<span>&nbsp;</span></span>Fewer locums<o:p></o:p></p>`
    const html = sanitiseHtml(word).body.innerHTML
    expect(html).toBe('<p>Fewer locums</p>')
  })

  it('does not treat Google Docs’ wrapper <b style="font-weight:normal"> as bold', () => {
    const html = sanitiseHtml('<b style="font-weight:normal;" id="docs-internal-guid-1"><p>Plain</p></b>').body.innerHTML
    expect(html).toBe('<p>Plain</p>')
  })
})

describe('pasting a brief’s own HTML', () => {
  it('brings its citations back as citations, with nothing of the element but the snapshot', () => {
    const snapshot = { claimId: 'c1', statement: 'S', quote: 'Q', sourceId: 's1', sourceTitle: 'T', shortCitation: 'Jones 2020', paragraph: 3 }
    const html = `<p>Trusts kept GPs<span data-claim-id="c1" data-evident-claim='${JSON.stringify(snapshot)}' onclick="alert(1)" style="color:red"> (Jones 2020)</span>.</p>`
    expect(sanitiseHtml(html).body.innerHTML).not.toMatch(/onclick|style=|color/)
    const { json } = paste(html)
    const citation = [...walk(json)].find((n) => n.type === 'citation')
    expect(citation).toStrictEqual({ type: 'citation', version: 1, claimId: 'c1', snapshot })
  })

  it('pastes a span whose snapshot cannot be read as its text only', () => {
    const { json } = paste('<p>Words<span data-evident-claim="{broken"> (Jones 2020)</span></p>')
    expect([...walk(json)].some((n) => n.type === 'citation')).toBe(false)
    expect(JSON.stringify(json)).toContain('(Jones 2020)')
  })
})

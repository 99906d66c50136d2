import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $createNodeSelection, $getNodeByKey, $isDecoratorNode, $isElementNode, $setSelection } from 'lexical'
import { useApi } from '../../../api/context'
import { useToast } from '../../../ui/Toast'
import { useAllClaims, useNumbering } from '../citations/CitationStoreContext'
import { cannotOpen, openInSource } from '../citations/open-source'
import { displayLabel, excerpt } from '../citations/labels'
import { revealBlock } from '../editor/reveal'
import { useBriefModel } from '../model/BriefModelContext'
import { BalanceRow } from './BalanceRow'
import { balanceOf, claimUses, troubled } from './evidence'
import { emptySections, needsEvidence, uncitedParagraphs } from './evidence-check'
import { QuoteDiff } from '../../../ui/QuoteDiff'

interface Props {
  questionId: string | null
  questionText: string | null
}

/** Which claims the brief uses where, how the evidence leans, and what still needs evidence or attention. */
export function EvidencePane({ questionId, questionText }: Props) {
  const [editor] = useLexicalComposerContext()
  const model = useBriefModel()
  const live = useAllClaims()
  const { labels, kind } = useNumbering()
  const uses = claimUses(model)
  const uncited = uncitedParagraphs(model)
  const empty = emptySections(model)
  const problems = troubled(model, live)
  const weighed = model.sections.filter((s) => needsEvidence(s) || s.citations.length > 0)
  const api = useApi()
  const toast = useToast()

  async function openSource(use: (typeof uses)[number]) {
    const opened = await openInSource(api, use.ref.snapshot, live.get(use.claimId) ?? { status: 'unknown' })
    if (!opened) toast.info(cannotOpen(use.ref.snapshot) ?? 'This source cannot be opened.')
  }

  function go(nodeKey: string) {
    editor.update(() => {
      const node = $getNodeByKey(nodeKey)
      if ($isDecoratorNode(node)) {
        const selection = $createNodeSelection()
        selection.add(nodeKey)
        $setSelection(selection)
      } else if ($isElementNode(node)) node.selectEnd()
    })
    const el = editor.getElementByKey(nodeKey)
    if (el) revealBlock(el, 'center')
    editor.focus()
  }

  return (
    <div className="brief-evidence" aria-label="Evidence">
      <p className="evidence-question">
        {questionText ? (
          <>
            Stances toward: <q>{questionText}</q>
          </>
        ) : (
          <span className="muted">No question is set for this brief: choose one in Brief settings to weigh stances.</span>
        )}
      </p>

      {problems.length > 0 && (
        <section aria-labelledby="ev-attention">
          <h3 id="ev-attention">Needs attention</h3>
          <ul className="evidence-list">
            {problems.map(({ use, status, claim }) => (
              <li key={use.claimId} className="evidence-problem">
                <span>
                  <span aria-hidden="true">⚠ </span>
                  {status === 'deleted' ? 'Deleted claim' : status === 'changed' ? 'Changed in the source' : 'Orphaned claim'}: {excerpt(use.ref.snapshot.statement, 90)}
                  {claim && 'claim' in claim && claim.claim.quoteChange && (
                    <>
                      {' '}
                      <QuoteDiff change={claim.claim.quoteChange} />
                    </>
                  )}
                </span>
                <button type="button" className="link" onClick={() => go(use.ref.nodeKey)}>
                  Go to citation
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {empty.length > 0 && (
        <section aria-labelledby="ev-empty">
          <h3 id="ev-empty">Empty sections</h3>
          <ul className="evidence-list">
            {empty.map((s) => (
              <li key={s.key}>
                <span>{s.title || 'Untitled'} has nothing in it yet.</span>{' '}
                <button type="button" className="link" onClick={() => go(s.key)} aria-label={`Go to the empty section ${s.title || 'Untitled'}`}>
                  Go to
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="ev-uncited">
        <h3 id="ev-uncited">Paragraphs without a citation</h3>
        {uncited.length === 0 ? (
          <p className="muted">Every paragraph that states a fact cites evidence (headings, links such as “The options are:” and References aside).</p>
        ) : (
          <ul className="evidence-list">
            {uncited.map(({ section, part, block }) => (
              <li key={block.key}>
                <span className="muted">{part ? `${section} › ${part}` : section}: </span>
                <span>“{excerpt(block.text, 80)}”</span>{' '}
                <button type="button" className="link" onClick={() => go(block.key)} aria-label={`Go to the paragraph in ${part ?? section}`}>
                  Go to
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="ev-balance">
        <h3 id="ev-balance">Balance of evidence</h3>
        <ul className="evidence-list balance-list">
          {weighed.map((s) => [
            <BalanceRow key={s.key} title={s.title} balance={balanceOf(s.citations, live, questionId)} />,
            ...s.children.map((c) => <BalanceRow key={c.key} nested title={c.title} balance={balanceOf(c.citations, live, questionId)} />),
          ])}
        </ul>
      </section>

      <section aria-labelledby="ev-used">
        <h3 id="ev-used">Claims used ({uses.length})</h3>
        {uses.length === 0 ? (
          <p className="muted">Drag claims from the library into the brief, or press Ctrl+Shift+K.</p>
        ) : (
          <ol className="evidence-list">
            {uses.map((use) => (
              <li key={use.claimId}>
                <span className="evidence-label">{displayLabel(labels.get(use.ref.nodeKey), kind)}</span> {excerpt(use.ref.snapshot.statement, 90)}
                <span className="muted"> — {use.ref.snapshot.shortCitation}</span>
                <span className="evidence-where">
                  {use.sections.map((s) => (
                    <button key={s.title} type="button" className="chip-button" onClick={() => go(s.nodeKey)} aria-label={`Go to its use in ${s.title}`}>
                      {s.title}
                    </button>
                  ))}
                  <button type="button" className="chip-button" onClick={() => void openSource(use)} aria-label={`Open in source: ${excerpt(use.ref.snapshot.statement, 60)}`}>
                    Open in source
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  )
}

/**
 * The evidence panel: for a fact, its statement and numbers, and each citation shown inside the source
 * document's own text, highlighted at its offsets. Text is inserted as text nodes, never as HTML.
 */
import type { Citation, FactDetails } from './api.ts';
import { el } from './dom.ts';

/** Characters of the document shown on each side of a quote. */
const CONTEXT = 280;


/** How each kind of citation names its source, so the blog's opinion never reads as a medium's report. */
const ATTRIBUTION: Record<string, string> = {
  OPINION: 'Opinion of',
  EDITORIAL: 'Written by',
  REPORTED: 'Reported by',
  QUOTED: 'Quoted from',
  STATEMENT: 'Statement by',
  READER_COMMENT: 'Reader comment by',
};

/** "Opinion of leblogauto.com", "Reported by CNBC", "Quoted from Nvidia internal memo …, reported by CNBC". */
export function attribution(citation: Citation): string {
  const relay = citation.reportedBy ? `, ${citation.kind === 'REPORTED' ? 'relayed' : 'reported'} by ${citation.reportedBy.name}` : '';
  return `${ATTRIBUTION[citation.kind] ?? 'Said by'} ${citation.saidBy.name}${relay}`;
}

/** The quote in its context: `…before <mark>quote</mark> after…`, cut at word boundaries. */
export function quoteInContext(text: string, citation: Citation): HTMLElement {
  const block = el('blockquote', undefined, 'source-text');
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, citation.start - CONTEXT)));
  const toSpace = text.indexOf(' ', Math.min(text.length, citation.end + CONTEXT));
  const to = toSpace === -1 ? text.length : toSpace;
  block.append(
    document.createTextNode(`${from > 0 ? '…' : ''}${text.slice(from, citation.start)}`),
    el('mark', text.slice(citation.start, citation.end)),
    document.createTextNode(`${text.slice(citation.end, to)}${to < text.length ? '…' : ''}`),
  );
  return block;
}

export function renderFact(fact: FactDetails, texts: Map<string, string | null>): HTMLElement {
  const section = el('section', undefined, 'fact');
  section.dataset.factId = fact.id;
  section.append(el('h3', fact.statement));
  const facts = el('p', undefined, 'meta');
  const former = fact.status === 'FORMER' ? 'former: no longer current' : null;
  facts.textContent = [fact.type, fact.modality, former, fact.time ? `time: ${fact.time.text ?? fact.time.value} (${fact.time.value})` : null].filter(Boolean).join(' · ');
  section.append(facts);
  if (fact.quantities.length) {
    const list = el('ul', undefined, 'quantities');
    for (const q of fact.quantities) {
      const amount = q.value === null ? q.comparator.toLowerCase() : `${q.comparator === 'EXACT' ? '' : `${q.comparator.toLowerCase().replace('_', ' ')} `}${q.value.toLocaleString('en')}`;
      const what = q.kind === 'PERCENT' ? `%${q.unit ? ` of ${q.unit}` : ''}` : ` ${q.money?.currency ?? q.unit ?? ''}`;
      list.append(el('li', `${amount}${what}`.trim() + (q.text ? ` (“${q.text}”)` : '')));
    }
    section.append(list);
  }
  if (fact.background) section.append(el('p', `Background knowledge, not stated by a source. Basis: ${fact.basis ?? 'not given'}`, 'background'));
  for (const citation of fact.citations) {
    const source = el('p', attribution(citation), 'citation-source');
    source.dataset.kind = citation.kind;
    const where = `${citation.kind.toLowerCase().replace('_', ' ')} · in ${citation.document.name} [${citation.start}–${citation.end}]${citation.confidence === null ? '' : ` · confidence ${citation.confidence}`}`;
    section.append(source, el('p', where, 'citation-meta'));
    const text = texts.get(citation.document.id);
    section.append(text ? quoteInContext(text, citation) : el('blockquote', citation.quote, 'source-text'));
  }
  return section;
}

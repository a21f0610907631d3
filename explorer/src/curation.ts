/**
 * Curation on demand: a fact's rank and history, and an entity's facts with the retracted and deprecated ones.
 * Both sit behind a toggle, so the first view costs no history reads. Read-only: the explorer only queries.
 */
import { api, type Change, type FactHistory, type FactListItem, type Retraction, type Revision } from './api.ts';
import { el } from './dom.ts';

/** How the panels tell the page what they are doing (the status line). */
export interface Reporter {
  say(message: string, kind?: 'info' | 'error' | 'loading'): void;
  failed(error: unknown): void;
}

/** Longest JSON value shown in a change line; longer ones are cut (the API has them whole). */
const VALUE_CHARS = 80;

const words = (value: string) => value.toLowerCase().replace(/_/g, ' ');

/** `2026-12-01 10:40 UTC` from an RFC 3339 time. */
const when = (time: string) => `${time.slice(0, 10)} ${time.slice(11, 16)} UTC`;

function short(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS - 1)}…` : text;
}

/** `set rank xai-owns-grok: NORMAL → DEPRECATED · reason: …` */
export function changeLine(change: Change): string {
  const target = `${change.target}${change.field ? `.${change.field}` : ''}`;
  const hasBefore = change.before !== null && change.before !== undefined;
  const hasAfter = change.after !== null && change.after !== undefined;
  const values = hasBefore ? `: ${short(change.before)} → ${hasAfter ? short(change.after) : '∅'}` : hasAfter && typeof change.after !== 'object' ? `: ${short(change.after)}` : '';
  return `${words(change.operation)} ${target}${values}${change.reason ? ` · reason: ${change.reason}` : ''}`;
}

function retractionLine(retraction: Retraction): string {
  return `Retracted in ${retraction.revision.id} (${when(retraction.revision.committedAt)}, by ${retraction.revision.author}): ${retraction.reason}`;
}

function renderRevision(revision: Revision): HTMLElement {
  const item = el('li', undefined, 'revision');
  item.dataset.revision = revision.id;
  const head = el('p', undefined, 'revision-head');
  head.append(el('strong', revision.id), document.createTextNode(` · ${when(revision.committedAt)} · by ${revision.author} (${words(revision.authorKind)})`));
  const changes = el('ul', undefined, 'changes');
  for (const change of revision.changes) changes.append(el('li', changeLine(change)));
  item.append(head, el('p', revision.summary, 'revision-summary'), changes);
  return item;
}

/** `withRetraction`: false where the retraction is already shown beside (an entity's fact list). */
function renderHistory(history: FactHistory, withRetraction: boolean): HTMLElement {
  const block = el('div', undefined, 'history');
  const fact = history.fact;
  if (fact) {
    block.append(el('p', `Rank: ${words(fact.rank)}${fact.revision ? ` · last changed in ${fact.revision.id}` : ''}`, 'rank'));
    if (fact.retraction && withRetraction) block.append(el('p', retractionLine(fact.retraction), 'retraction'));
  }
  if (history.revisions.length === 0) {
    block.append(el('p', 'No revision: this fact is older than the history (loaded before revisions were kept).', 'hint'));
    return block;
  }
  const list = el('ol', undefined, 'revisions');
  list.setAttribute('aria-label', 'Revisions, oldest first');
  list.append(...history.revisions.map(renderRevision));
  block.append(el('h4', 'History'), list);
  if (history.more) block.append(el('p', `Only the first ${history.revisions.length} revisions are shown.`, 'hint'));
  return block;
}

/**
 * A button that shows, below itself, what `load` renders, and hides it again: loaded afresh each time it
 * opens, since the graph may have changed meanwhile.
 */
function toggle(showLabel: string, hideLabel: string, reporter: Reporter, load: () => Promise<{ content: HTMLElement; message: string }>): HTMLElement {
  const wrapper = el('div', undefined, 'toggle');
  const button = el('button', showLabel);
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  const body = el('div', undefined, 'toggle-body');
  body.hidden = true;
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-expanded') === 'true') {
      button.setAttribute('aria-expanded', 'false');
      button.textContent = showLabel;
      body.hidden = true;
      return;
    }
    button.disabled = true;
    reporter.say('Loading…', 'loading');
    try {
      const { content, message } = await load();
      body.replaceChildren(content);
      body.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      button.textContent = hideLabel;
      reporter.say(message);
    } catch (error) {
      reporter.failed(error);
    } finally {
      button.disabled = false;
    }
  });
  wrapper.append(button, body);
  return wrapper;
}

/** "Show rank and history" of a fact. */
export function historyToggle(factId: string, reporter: Reporter, withRetraction = true): HTMLElement {
  return toggle('Show rank and history', 'Hide rank and history', reporter, async () => {
    const history = await api.factHistory(factId);
    return { content: renderHistory(history, withRetraction), message: `${history.revisions.length} revision(s) of ${factId}.` };
  });
}

/** Why a fact is hidden from current reads, or null when it is shown. */
function hiddenBecause(fact: FactListItem): 'retracted' | 'deprecated' | null {
  return fact.retraction ? 'retracted' : fact.rank === 'DEPRECATED' ? 'deprecated' : null;
}

function renderFactItem(fact: FactListItem, reporter: Reporter): HTMLElement {
  const item = el('li', undefined, 'fact-item');
  item.dataset.factId = fact.id;
  const hidden = hiddenBecause(fact);
  // Struck through: kept in the graph, no longer part of current reads.
  const statement = el(hidden ? 's' : 'span', fact.statement, 'statement');
  if (hidden) item.dataset.hidden = hidden;
  const meta = [fact.type, fact.modality, fact.status === 'FORMER' ? 'former' : null, `rank ${words(fact.rank)}`, hidden].filter(Boolean).join(' · ');
  item.append(statement, el('p', `${fact.id} · ${meta}`, 'meta'));
  if (fact.retraction) item.append(el('p', retractionLine(fact.retraction), 'retraction'));
  else if (hidden === 'deprecated') item.append(el('p', 'Deprecated: hidden from current reads (the reason is in its history).', 'retraction'));
  item.append(historyToggle(fact.id, reporter, false));
  return item;
}

/** "Show all facts, retracted included" of an entity. */
export function factsToggle(entityId: string, reporter: Reporter): HTMLElement {
  return toggle('Show all facts, retracted included', 'Hide the facts', reporter, async () => {
    const facts = (await api.factsWithRetracted(entityId)) ?? [];
    const list = el('ul', undefined, 'fact-list');
    list.setAttribute('aria-label', 'Facts, retracted included');
    list.append(...facts.map((fact) => renderFactItem(fact, reporter)));
    const hidden = facts.filter((f) => hiddenBecause(f) !== null).length;
    const content = facts.length ? list : el('p', 'No fact names this entity.', 'hint');
    return { content, message: `${facts.length} fact(s), ${hidden} retracted or deprecated.` };
  });
}

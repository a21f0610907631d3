/**
 * The explorer page: search, expand, evidence, paths, filters, export, and the view kept in the URL
 * (`?focus=xai&expand=xai,tesla&path=elon-musk,grok&edge=…`) so it can be shared and reloaded.
 */
import type cytoscape from 'cytoscape';
import { api, ApiError, type EntityDetails, type EntitySummary, type RelationSummary } from './api.ts';
import { el } from './dom.ts';
import { factsToggle, historyToggle, type Reporter } from './curation.ts';
import { renderFact } from './evidence.ts';
import { GraphView, KIND_COLORS, MAX_DRAWN_NODES } from './graph-view.ts';

const PAGE_SIZE = 50;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const graph = new GraphView($('graph'));
const status = $('status');
const panel = $('panel');
const capNote = $('cap-note');
const searchInput = $<HTMLInputElement>('search-input');
const searchResults = $<HTMLUListElement>('search-results');

const state = { focus: null as string | null, expanded: [] as string[], path: null as [string, string] | null, edge: null as string | null };
/** Next page cursor per expanded entity, for "show more". */
const cursors = new Map<string, string | null>();
const documentTexts = new Map<string, string | null>();
const hiddenKinds = new Set<string>();
const hiddenTypes = new Set<string>();

function say(message: string, kind: 'info' | 'error' | 'loading' = 'info') {
  status.textContent = message;
  status.dataset.kind = kind;
}

function failed(error: unknown) {
  say(error instanceof ApiError ? `Error: ${error.message}` : 'Error: something went wrong.', 'error');
}

const reporter: Reporter = { say, failed };

function saveUrl() {
  const params = new URLSearchParams();
  if (state.focus) params.set('focus', state.focus);
  if (state.expanded.length) params.set('expand', state.expanded.join(','));
  if (state.path) params.set('path', state.path.join(','));
  if (state.edge) params.set('edge', state.edge);
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
}


// Search with suggestions (keyboard: arrows, Enter, Escape). Enter before the suggestions arrive searches at
// once and opens the best hit.
let searchTimer: number | undefined;
let suggestions: EntitySummary[] = [];
/** The text the shown suggestions answer, so Enter never opens a hit for words no longer in the box. */
let suggestionsFor = '';
let active = -1;
/** Numbers each search, so an answer that a later search (or Enter) overtook is dropped. */
let searchSeq = 0;

/** The hits for `text`, or null when a later search started meanwhile. */
async function searchLatest(text: string): Promise<EntitySummary[] | null> {
  const seq = ++searchSeq;
  const hits = await api.search(text);
  return seq === searchSeq ? hits : null;
}

function showSuggestions(items: EntitySummary[], emptyText?: string, forText = '') {
  suggestions = items;
  suggestionsFor = forText;
  active = -1;
  searchResults.replaceChildren();
  if (items.length === 0 && emptyText) searchResults.append(el('li', emptyText, 'empty'));
  items.forEach((entity, i) => {
    const item = el('li');
    item.id = `suggestion-${i}`;
    item.setAttribute('role', 'option');
    item.dataset.id = entity.id;
    item.append(el('span', entity.name), el('span', entity.kind.toLowerCase(), 'kind'));
    item.addEventListener('mousedown', (event) => {
      event.preventDefault();
      void choose(entity);
    });
    searchResults.append(item);
  });
  searchResults.hidden = items.length === 0 && !emptyText;
  searchInput.setAttribute('aria-expanded', String(!searchResults.hidden));
}

searchInput.addEventListener('input', () => {
  window.clearTimeout(searchTimer);
  const text = searchInput.value.trim();
  if (!text) return showSuggestions([]);
  searchTimer = window.setTimeout(async () => {
    try {
      const hits = await searchLatest(text);
      if (hits && searchInput.value.trim() === text) showSuggestions(hits, `No entity matches “${text}”.`, text);
    } catch (error) {
      failed(error);
    }
  }, 150);
});

searchInput.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    if (!suggestions.length) return;
    active = (active + (event.key === 'ArrowDown' ? 1 : -1) + suggestions.length) % suggestions.length;
    [...searchResults.children].forEach((child, i) => child.setAttribute('aria-selected', String(i === active)));
    searchInput.setAttribute('aria-activedescendant', `suggestion-${active}`);
  } else if (event.key === 'Enter') {
    event.preventDefault();
    const text = searchInput.value.trim();
    const entity = suggestionsFor === text ? suggestions[Math.max(active, 0)] : undefined;
    if (entity) void choose(entity);
    else if (text) void searchAndOpen(text);
  } else if (event.key === 'Escape') {
    showSuggestions([]);
  }
});
searchInput.addEventListener('blur', () => window.setTimeout(() => showSuggestions([]), 100));

/** Enter with no suggestions for the text yet: search now (overtaking the pending one) and open the best hit. */
async function searchAndOpen(text: string) {
  window.clearTimeout(searchTimer);
  say(`Searching “${text}”…`, 'loading');
  try {
    const hits = await searchLatest(text);
    if (!hits || searchInput.value.trim() !== text) return say(''); // the words changed meanwhile: their own search answers
    const best = hits[0];
    if (best) return await choose(best);
    showSuggestions([], `No entity matches “${text}”.`, text);
    say(`No entity matches “${text}”.`);
  } catch (error) {
    failed(error);
  }
}

async function choose(entity: EntitySummary) {
  showSuggestions([]);
  searchInput.value = entity.name;
  graph.clear();
  cursors.clear();
  Object.assign(state, { focus: entity.id, expanded: [], path: null, edge: null });
  await open(entity.id);
}

/** Shows an entity: draws it, expands it, and fills the side panel. */
async function open(id: string) {
  say(`Loading ${id}…`, 'loading');
  try {
    const entity = await api.entity(id);
    if (!entity) {
      say(`No entity with id “${id}”.`, 'error');
      return;
    }
    graph.addEntity(entity);
    graph.focus(id);
    await expand(id);
    graph.layout();
    graph.fit();
    void showEntity(entity);
    say(`${entity.name}: ${graph.nodeCount} entities drawn.`);
  } catch (error) {
    failed(error);
  }
}

/** Adds one page of an entity's relations. */
async function expand(id: string): Promise<void> {
  const page = await api.relations(id, PAGE_SIZE, cursors.get(id) ?? null);
  if (!page) {
    say(`No entity with id “${id}”.`, 'error');
    return;
  }
  const left = graph.addRelations(page.nodes);
  cursors.set(id, page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null);
  if (!state.expanded.includes(id)) state.expanded.push(id);
  capNote.hidden = left === 0;
  capNote.textContent = left ? `The view holds at most ${MAX_DRAWN_NODES} entities: ${left} relation(s) were not drawn. Filter, or clear and start from another entity.` : '';
  refreshFilters();
  saveUrl();
}

/** Fills the side panel; takes the entity when the caller already has it, so it is fetched once. */
async function showEntity(entityOrId: EntityDetails | string) {
  const entity = typeof entityOrId === 'string' ? await api.entity(entityOrId) : entityOrId;
  if (!entity) return;
  const id = entity.id;
  const section = el('section', undefined, 'entity');
  section.append(el('h2', entity.name), el('p', `${entity.kind.toLowerCase()} · ${entity.id}`, 'meta'), el('p', entity.description));
  if (entity.aliases.length) section.append(el('p', `Also: ${entity.aliases.map((a) => `${a.text}${a.language ? ` (${a.language})` : ''}`).join(', ')}`, 'aliases'));
  const more = cursors.get(id);
  const button = el('button', more ? 'Show more relations' : state.expanded.includes(id) ? 'All relations shown' : 'Expand');
  button.type = 'button';
  button.disabled = state.expanded.includes(id) && !more;
  button.addEventListener('click', async () => {
    say(`Expanding ${entity.name}…`, 'loading');
    try {
      await expand(id);
      graph.layout();
      say(`${graph.nodeCount} entities drawn.`);
      void showEntity(entity);
    } catch (error) {
      failed(error);
    }
  });
  section.append(button, factsToggle(id, reporter));
  panel.replaceChildren(section);
}

async function showEdge(edgeId: string, factId: string) {
  say('Loading the evidence…', 'loading');
  try {
    const fact = await api.fact(factId);
    if (!fact) return say('This relation has no fact any more.', 'error');
    for (const documentId of new Set(fact.citations.map((c) => c.document.id))) {
      if (!documentTexts.has(documentId)) documentTexts.set(documentId, await api.documentText(documentId));
    }
    const edge = graph.cy.getElementById(edgeId);
    const heading = el('h2', `${edge.source().data('name')} → ${edge.data('type')} → ${edge.target().data('name')}`);
    panel.replaceChildren(heading, renderFact(fact, documentTexts), historyToggle(fact.id, reporter));
    panel.focus();
    state.edge = edgeId;
    saveUrl();
    say(`${fact.citations.length} citation(s).`);
  } catch (error) {
    failed(error);
  }
}

graph.cy.on('tap', 'node', (event) => {
  const id = event.target.id() as string;
  state.edge = null;
  if (!state.expanded.includes(id)) {
    say('Expanding…', 'loading');
    void expand(id)
      .then(() => {
        graph.layout();
        say(`${graph.nodeCount} entities drawn.`);
        return showEntity(id);
      })
      .catch(failed);
  } else {
    void showEntity(id);
  }
});
graph.cy.on('tap', 'edge', (event) => void showEdge(event.target.id() as string, event.target.data('factId') as string));

// Shortest path between two entities, given by id or by name.
async function resolve(text: string): Promise<EntitySummary | null> {
  const direct = await api.entity(text.trim());
  if (direct) return direct;
  return (await api.search(text))[0] ?? null;
}

async function findPath(fromText: string, toText: string) {
  say('Finding the shortest path…', 'loading');
  try {
    const [from, to] = await Promise.all([resolve(fromText), resolve(toText)]);
    if (!from || !to) return say(`No entity matches “${!from ? fromText : toText}”.`, 'error');
    const path = await api.path(from.id, to.id);
    if (!path) return say(`No path of at most 6 relations between ${from.name} and ${to.name}.`, 'error');
    for (const node of path.nodes) graph.addEntity(node);
    graph.addRelations(path.edges as RelationSummary[]);
    graph.highlightPath(path.nodes.map((n) => n.id), path.edges.map((e) => e.id));
    state.path = [from.id, to.id];
    refreshFilters();
    saveUrl();
    graph.layout();
    graph.fit();
    say(`Path from ${from.name} to ${to.name}: ${path.nodes.map((n) => n.name).join(' → ')} (${path.edges.length} relations).`);
  } catch (error) {
    failed(error);
  }
}

$('path-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void findPath($<HTMLInputElement>('path-from').value, $<HTMLInputElement>('path-to').value);
});

// Filters double as the legend: one checkbox per kind (with its colour) and per relation type drawn.
function refreshFilters() {
  const kinds = $('kind-filters');
  kinds.replaceChildren(
    ...graph.kinds().map((kind) => {
      const label = filterBox(kind, hiddenKinds);
      const swatch = el('span', undefined, 'swatch');
      swatch.style.backgroundColor = KIND_COLORS[kind] ?? '#64748b';
      label.prepend(swatch);
      return label;
    }),
  );
  $('type-filters').replaceChildren(...graph.types().map((type) => filterBox(type, hiddenTypes)));
  graph.applyFilters(hiddenKinds, hiddenTypes);
}

function filterBox(value: string, hidden: Set<string>): HTMLLabelElement {
  const label = el('label', undefined, 'filter');
  const box = el('input');
  box.type = 'checkbox';
  box.checked = !hidden.has(value);
  box.value = value;
  box.addEventListener('change', () => {
    if (box.checked) hidden.delete(value);
    else hidden.add(value);
    graph.applyFilters(hiddenKinds, hiddenTypes);
  });
  label.append(box, document.createTextNode(` ${value.toLowerCase().replace(/_/g, ' ')}`));
  return label;
}

function download(name: string, blob: Blob) {
  const link = el('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

$('fit').addEventListener('click', () => graph.fit());
$('relayout').addEventListener('click', () => graph.layout());
$('export-png').addEventListener('click', () => download('knowledge-graph.png', graph.png()));
$('export-json').addEventListener('click', () => download('knowledge-graph.json', new Blob([JSON.stringify(graph.json(), null, 2)], { type: 'application/json' })));
$('clear').addEventListener('click', () => {
  graph.clear();
  cursors.clear();
  Object.assign(state, { focus: null, expanded: [], path: null, edge: null });
  refreshFilters();
  saveUrl();
  say('');
});

/** Rebuilds the view the URL describes. */
async function restore() {
  const params = new URLSearchParams(location.search);
  const focus = params.get('focus');
  const expanded = (params.get('expand') ?? '').split(',').filter(Boolean);
  const path = (params.get('path') ?? '').split(',').filter(Boolean);
  // Links shared before relation ids were global (`edge=xai-owns-grok`) name the relation by its key alone.
  const given = params.get('edge');
  const edge = given && !given.includes(':') ? `Relation:${given}` : given;
  if (!focus && path.length !== 2) return say('Search for an entity to start, for example “grok”.');
  if (focus) {
    state.focus = focus;
    await open(focus);
    for (const id of expanded) if (id !== focus && graph.hasNode(id)) await expand(id).catch(failed);
  }
  if (path.length === 2) await findPath(path[0]!, path[1]!);
  graph.layout();
  graph.fit();
  if (edge && graph.cy.getElementById(edge).nonempty()) await showEdge(edge, graph.cy.getElementById(edge).data('factId') as string);
}

void restore();

/** A read-only handle for automation and the browser tests: what is drawn, and where on the page. */
Object.assign(window, {
  explorer: {
    view: () => graph.json(),
    /** Page coordinates of a node's centre or an edge's midpoint, to click them like a user. */
    pointOf: (id: string) => {
      const edge = graph.cy.edges().toArray().find((e) => e.id() === id);
      const node = graph.cy.nodes().toArray().find((n) => n.id() === id);
      const point = edge ? (edge as cytoscape.EdgeSingular).renderedMidpoint() : node ? (node as cytoscape.NodeSingular).renderedPosition() : null;
      if (!point) return null;
      const box = $('graph').getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    },
    isIdle: () => status.dataset.kind !== 'loading',
  },
});

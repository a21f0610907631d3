/**
 * Turns a validated knowledge file into the rows the load statements write: pure data, no database, so the
 * mapping from the file format to the graph model is testable on its own.
 */
import { createHash } from 'node:crypto';
import type { GraphRows, RelationRow } from '../database/knowledge-writer.ts';
import { ENTITY_TYPE_OF_KIND, timeProperties, type Comparator, type RelationType } from '../vocabulary/index.ts';
import type { CitationEntry, EntityEntry, FactEntry, KnowledgeFile, Quantity, TimeRef } from './knowledge-file.ts';

type Props = Record<string, unknown>;

/** The rows are the write layer's input: it owns their shapes (the parameters of its statements). */
export type { GraphRows, RelationRow };

/**
 * `file.id` is the dataset the facts are recorded under; `dataset: null` for facts asserted through the API
 * (their synthetic file only carries the entries, see src/curation).
 */
export function toGraphRows(file: KnowledgeFile, sourceTexts: ReadonlyMap<string, string>, options: { dataset?: string | null } = {}): GraphRows {
  const dataset = options.dataset === undefined ? file.id : options.dataset;
  const entities = new Map(file.entities.map((entity) => [entity.id, entity]));
  const defaultDocument = file.sources[0]?.document ?? '';
  const rows: GraphRows = {
    entitiesByLabel: new Map(),
    documentTexts: file.sources.map((source) => {
      const text = sourceTexts.get(source.document) ?? '';
      return { id: source.document, text, sha256: createHash('sha256').update(text).digest('hex'), language: source.language };
    }),
    facts: [],
    participants: [],
    quantities: [],
    citations: [],
    relationsByType: new Map(),
  };
  for (const entity of file.entities) {
    push(rows.entitiesByLabel, ENTITY_TYPE_OF_KIND[entity.kind], { id: entity.id, props: entityProps(entity) });
  }
  for (const fact of file.facts) {
    const citations = fact.citations ?? [];
    const reported = earliest(citations.map((c) => entities.get(c.document ?? defaultDocument)?.published));
    rows.facts.push({ id: fact.id, props: factProps(dataset, fact, reported) });
    rows.participants.push(...participantsOf(fact));
    (fact.quantities ?? []).forEach((quantity, position) => {
      const id = `${fact.id}#q${position}`;
      rows.quantities.push({ fact: fact.id, id, props: quantityProps(id, fact.id, position, quantity) });
    });
    citations.forEach((citation, position) => {
      const id = `${fact.id}#c${position}`;
      rows.citations.push({ fact: fact.id, id, props: citationProps(id, fact.id, position, citation, defaultDocument) });
    });
    for (const relation of relationsOf(fact)) push(rows.relationsByType, relation.type, relation.row);
  }
  return rows;
}

function push<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A fact's content as a hash (its knowledge-file entry, keys sorted): a changed file is diffed by it, and a fact
 * whose hash changed is revised (docs/curation-model.md).
 */
export function factContentSha256(fact: FactEntry): string {
  return createHash('sha256').update(canonicalJson(fact)).digest('hex');
}

/** JSON with object keys sorted at every level, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The stored properties an entity entry becomes (what a write compares before it changes an entity). */
export const ENTITY_STORED_KEYS = ['kind', 'name', 'description', 'background', 'aliasTexts', 'aliasLanguages', 'searchNames', ...Object.values(timeProperties('published'))] as const;

/** An entity entry's fields as a revision records them (`UPDATE_ENTITY` field by field), defaults filled in. */
export interface EntityFields {
  kind: EntityEntry['kind'];
  name: string;
  description: string;
  aliases: { text: string; lang?: string }[];
  background: boolean;
  published: TimeRef | null;
}

export function entityFieldsOfEntry(entity: EntityEntry): EntityFields {
  return {
    kind: entity.kind,
    name: entity.name,
    description: entity.description,
    aliases: (entity.aliases ?? []).map((a) => (a.lang ? { text: a.text, lang: a.lang } : { text: a.text })),
    background: entity.background ?? false,
    published: entity.published ? normalTime(entity.published) : null,
  };
}

/** The fields of a stored entity, from its ENTITY_STORED_KEYS values (in that order). */
export function entityFieldsOfStored(values: readonly unknown[]): EntityFields {
  const props = Object.fromEntries(ENTITY_STORED_KEYS.map((key, i) => [key, values[i] ?? null])) as Record<string, any>;
  const names = timeProperties('published');
  const texts: string[] = props.aliasTexts ?? [];
  const languages: string[] = props.aliasLanguages ?? [];
  return {
    kind: props.kind,
    name: props.name,
    description: props.description,
    aliases: texts.map((text, i) => (languages[i] ? { text, lang: languages[i]! } : { text })),
    background: props.background ?? false,
    published:
      props[names.value] === null
        ? null
        : normalTime({ text: props[names.text] ?? undefined, value: props[names.value], end: props[names.endValue] ?? undefined, precision: props[names.precision], inferred: props[names.inferred] ?? false }),
  };
}

/** The entry an entity's fields stand for (the inverse of entityFieldsOfEntry). */
export function entityEntryOfFields(id: string, fields: EntityFields): EntityEntry {
  return {
    id,
    kind: fields.kind,
    name: fields.name,
    description: fields.description,
    ...(fields.aliases.length ? { aliases: fields.aliases } : {}),
    ...(fields.published ? { published: fields.published } : {}),
    ...(fields.background ? { background: true } : {}),
  };
}

function normalTime(time: TimeRef): TimeRef {
  return { ...(time.text ? { text: time.text } : {}), value: time.value, ...(time.end ? { end: time.end } : {}), precision: time.precision, inferred: time.inferred ?? false };
}

/** The stored properties of an entity entry (merge-entities' `props`). */
export function entityRow(entity: EntityEntry): { id: string; props: Props } {
  return { id: entity.id, props: entityProps(entity) };
}

/** Names and aliases in one string for the full-text index (it indexes string properties). */
function entityProps(entity: EntityEntry): Props {
  const aliases = entity.aliases ?? [];
  return {
    kind: entity.kind,
    name: entity.name,
    description: entity.description,
    background: entity.background ?? false,
    aliasTexts: aliases.map((alias) => alias.text),
    aliasLanguages: aliases.map((alias) => alias.lang ?? ''),
    searchNames: [entity.name, ...aliases.map((alias) => alias.text)].join('\n'),
    ...timeProps('published', entity.published),
  };
}

function timeProps(prefix: string, time: TimeRef | undefined | null): Props {
  if (!time) return {};
  const names = timeProperties(prefix);
  return {
    [names.text]: time.text ?? null,
    [names.value]: time.value,
    [names.endValue]: time.end ?? null,
    [names.precision]: time.precision,
    [names.inferred]: time.inferred ?? false,
  };
}

function earliest(times: (TimeRef | undefined)[]): TimeRef | undefined {
  return times.filter((t): t is TimeRef => t !== undefined).sort((a, b) => a.value.localeCompare(b.value))[0];
}

function factProps(dataset: string | null, fact: FactEntry, reported: TimeRef | undefined): Props {
  return {
    id: fact.id,
    dataset,
    contentSha256: factContentSha256(fact),
    type: fact.type,
    statement: fact.statement,
    subject: fact.subject,
    object: fact.object ?? null,
    event: fact.event ?? null,
    modality: fact.modality,
    status: fact.status ?? 'CURRENT',
    background: fact.background ?? false,
    basis: fact.basis ?? null,
    ...timeProps('time', fact.time),
    ...timeProps('reported', reported),
  };
}

function participantsOf(fact: FactEntry): GraphRows['participants'] {
  const rows: GraphRows['participants'] = [{ fact: fact.id, role: 'SUBJECT', entity: fact.subject }];
  if (fact.object) rows.push({ fact: fact.id, role: 'OBJECT', entity: fact.object });
  if (fact.event) rows.push({ fact: fact.id, role: 'EVENT', entity: fact.event });
  for (const p of fact.participants ?? []) rows.push({ fact: fact.id, role: p.role, entity: p.entity });
  return rows;
}

function quantityProps(id: string, fact: string, position: number, q: Quantity): Props {
  return {
    id,
    fact,
    position,
    kind: q.kind,
    value: q.value ?? null,
    unit: q.unit ?? null,
    currency: q.currency ?? null,
    item: q.item ?? null,
    comparator: q.comparator ?? 'EXACT',
    role: q.role ?? 'AMOUNT',
    text: q.text ?? null,
  };
}

function citationProps(id: string, fact: string, position: number, c: CitationEntry, defaultDocument: string): Props {
  return {
    id,
    fact,
    position,
    quote: c.quote,
    start: c.start,
    end: c.end,
    kind: c.kind,
    confidence: c.confidence ?? null,
    document: c.document ?? defaultDocument,
    saidBy: c.saidBy,
    reportedBy: c.reportedBy ?? null,
  };
}

/**
 * Binary facts: one relation subject → object. N-ary facts: one relation event → participant per role. A FORMER
 * fact's labels say so, so that a drawn edge never shows a given-up goal as a current one.
 */
function relationsOf(fact: FactEntry): { type: RelationType; row: RelationRow }[] {
  const quantities = fact.quantities ?? [];
  const relations: { type: RelationType; row: RelationRow }[] = [];
  const former = fact.status === 'FORMER' ? ' (former)' : '';
  if (fact.object) {
    const label = withNumber(fact.type, keyQuantity(quantities)) + former;
    relations.push({ type: fact.type, row: { id: fact.id, from: fact.subject, to: fact.object, factId: fact.id, label } });
  }
  if (fact.event) {
    for (const p of fact.participants ?? []) {
      const label = withNumber(p.role, quantities.find((q) => q.item === p.entity)) + former;
      relations.push({ type: p.role, row: { id: `${fact.id}/${p.role}/${p.entity}`, from: fact.event, to: p.entity, factId: fact.id, label } });
    }
  }
  return relations;
}

function keyQuantity(quantities: readonly Quantity[]): Quantity | undefined {
  return quantities.find((q) => q.role === 'TO' || q.role === 'TARGET') ?? quantities.find((q) => q.value !== undefined) ?? quantities[0];
}

const COMPARATOR_PREFIX: Partial<Record<Comparator, string>> = { MORE_THAN: '>', AT_LEAST: '≥', LESS_THAN: '<', AT_MOST: '≤', APPROXIMATE: '~' };

/** `OWNS`, `ITEM · 12,000 GPU`, `DELAYS · >500,000,000 USD`: the relation type and its key number, for display. */
export function withNumber(type: string, quantity: Quantity | undefined): string {
  if (!quantity) return type;
  const number = quantity.value === undefined || quantity.value === null ? 'several' : quantity.value.toLocaleString('en-US');
  const unit = quantity.kind === 'PERCENT' ? '%' : quantity.kind === 'MONEY' ? ` ${quantity.currency ?? ''}` : quantity.unit ? ` ${quantity.unit}` : '';
  const prefix = COMPARATOR_PREFIX[quantity.comparator ?? 'EXACT'] ?? '';
  return `${type} · ${prefix}${number}${unit}`.trimEnd();
}

/**
 * The export's record stream, read from Neo4j: the whole current graph in keyset pages (memory holds one page
 * at a time, whatever the graph's size), or the neighbourhood of one entity (bounded by MAX_NEIGHBORHOOD_NODES)
 * with the facts of its relations and every entity those facts refer to, so the JSON export is a valid file.
 * Stored properties become knowledge-file entries here, once, for every format.
 */
import type { Database } from '../database/database.ts';
import { ExportReader, type ExportRelationRow } from '../database/export-reader.ts';
import { KnowledgeGraphRepository } from '../database/repository.ts';
import { ENTITY_STORED_KEYS, entityEntryOfFields, entityFieldsOfStored } from '../knowledge/graph-rows.ts';
import type { CitationEntry, EntityEntry, FactEntry, Quantity, SourceEntry, TimeRef } from '../knowledge/knowledge-file.ts';
import { FACT_ANCHOR_ROLES, timeProperties, type ParticipantRole, type RelationType } from '../vocabulary/index.ts';
import { sourcePath, type ExportHeader, type ExportItem, type ExportParts, type ExportRelation, type ExportStream } from './records.ts';

type Props = Record<string, unknown>;

/** Rows per keyset page: large enough that round trips do not dominate, small enough to keep memory flat. */
export const EXPORT_PAGE_SIZE = 2_000;

/** The id an export of a graph holding several knowledge files (or none) gets. */
export const GRAPH_EXPORT_ID = 'kg-export';

export async function graphExport(db: Database, options: { pageSize?: number } = {}): Promise<ExportStream> {
  const reader = new ExportReader(db);
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const [datasets, sourceRows] = await Promise.all([reader.datasets(), reader.sources()]);
  const only = datasets.length === 1 ? datasets[0]! : null;
  const header: ExportHeader = {
    id: only?.id ?? GRAPH_EXPORT_ID,
    title: only?.title ?? `Export of the knowledge graph (${datasets.length} knowledge files)`,
    sources: sourceRows.map(sourceEntry),
    truncated: false,
  };
  const defaultDocument = header.sources[0]?.document;
  return {
    header,
    async *items(parts) {
      if (parts.entities) for await (const page of pages((after) => reader.entityPage(after, pageSize), (e) => String(e.id), pageSize)) yield* page.map(entityItem);
      if (parts.facts) for await (const page of pages((after) => reader.factPage(after, pageSize), (f) => String(f.id), pageSize)) yield* page.map((f) => factItem(f, defaultDocument));
      if (parts.relations) {
        for (let after: string | null = ''; after !== null; ) {
          const page: { relations: ExportRelationRow[]; last: string | null } = await reader.relationPage(after, pageSize);
          yield* page.relations.map(relationItem);
          after = page.last;
        }
      }
    },
    async total(parts) {
      const counts = await reader.counts();
      return (parts.entities ? counts.entities : 0) + (parts.facts ? counts.facts : 0) + (parts.relations ? counts.relations : 0);
    },
  };
}

/** Keyset pages until a short one. */
async function* pages<T>(read: (after: string) => Promise<T[]>, key: (row: T) => string, size: number): AsyncGenerator<T[]> {
  for (let after = ''; ; ) {
    const rows = await read(after);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = key(rows.at(-1)!);
  }
}

/** Null when there is no such entity. */
export async function neighborhoodExport(db: Database, id: string, depth: number, maxNodes: number): Promise<ExportStream | null> {
  const reader = new ExportReader(db);
  const found = await new KnowledgeGraphRepository(db).neighborhood(id, depth, null, maxNodes);
  if (!found) return null;
  const relations: ExportRelation[] = found.edges.map((e) => ({ id: e.id, type: e.type, from: e.from.id, to: e.to.id, factId: e.factId, label: e.label }));
  const factProps = await reader.factsByIds([...new Set(relations.map((r) => r.factId))]);
  const sourceRows = await reader.sources();
  const defaultDocument = sourceRows[0]?.document;
  const facts = factProps.map((f) => factEntryOf(f, defaultDocument));
  // The entities reached, and those the facts name (participants, quantity items, who said what, documents).
  const ids = new Set(found.nodes.map((n) => n.id));
  for (const fact of facts) for (const referenced of referencedIds(fact)) ids.add(referenced);
  const cited = new Set(facts.flatMap((f) => f.citations.map((c) => c.document ?? defaultDocument)));
  // Citations without `document` quote the first source: it is listed (and declared) whenever anything is cited.
  if (cited.size > 0 && defaultDocument) ids.add(defaultDocument);
  const entities = (await reader.entitiesByIds([...ids])).map(entityEntryOf);
  const header: ExportHeader = {
    id: `${id}-neighborhood-${depth}`,
    title: `The neighbourhood of ${found.center.name} (depth ${depth})`,
    // The documents cited, first the graph's first one (citations without `document` point to it).
    sources: sourceRows.filter((s) => cited.has(s.document) || (s.document === defaultDocument && cited.size > 0)).map(sourceEntry),
    truncated: found.truncated,
  };
  const all: ExportItem[] = [
    ...entities.map((entity) => ({ kind: 'entity' as const, entity })),
    ...facts.map((fact) => ({ kind: 'fact' as const, fact })),
    ...relations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((relation) => ({ kind: 'relation' as const, relation })),
  ];
  const wanted = (parts: ExportParts) => all.filter((item) => parts[PART_OF_KIND[item.kind]]);
  return {
    header,
    async *items(parts) {
      yield* wanted(parts);
    },
    total: async (parts) => wanted(parts).length,
  };
}

const PART_OF_KIND = { entity: 'entities', fact: 'facts', relation: 'relations' } as const satisfies Record<ExportItem['kind'], keyof ExportParts>;

function sourceEntry(row: { document: string; sha256: string; language: string | null }): SourceEntry {
  return { document: row.document, path: sourcePath(row.document), sha256: row.sha256, language: row.language ?? 'und' };
}

function entityItem(props: Props): ExportItem {
  return { kind: 'entity', entity: entityEntryOf(props) };
}

function factItem(props: Props, defaultDocument: string | undefined): ExportItem {
  return { kind: 'fact', fact: factEntryOf(props, defaultDocument) };
}

function relationItem(row: ExportRelationRow): ExportItem {
  return { kind: 'relation', relation: { ...row, type: row.type as RelationType, label: row.label ?? row.type } };
}

/** An entity as its knowledge-file entry (the loader's own inverse, src/knowledge/graph-rows.ts). */
export function entityEntryOf(props: Props): EntityEntry {
  return entityEntryOfFields(String(props.id), entityFieldsOfStored(ENTITY_STORED_KEYS.map((key) => props[key])));
}

const ANCHOR_ROLES = new Set<string>(FACT_ANCHOR_ROLES);

/**
 * A stored fact as its knowledge-file entry. Subject, object and event come from its ABOUT edges (a merge moves
 * those, not the properties). The graph keeps no order of participants: they are written by role, then entity.
 * Defaults are written as the shipped file writes them: a quantity's comparator and role always, a fact's status
 * only when FORMER, a citation's document only when it is not the export's first source.
 */
export function factEntryOf(props: Props, defaultDocument: string | undefined): FactEntry {
  const about = (props.participants as { role: string; entity: string }[] | null) ?? [];
  const anchor = (role: string) => about.find((edge) => edge.role === role)?.entity;
  const participants = about
    .filter((edge) => !ANCHOR_ROLES.has(edge.role))
    .map((edge) => ({ role: edge.role as ParticipantRole, entity: edge.entity }))
    .sort((a, b) => cmp(a.role, b.role) || cmp(a.entity, b.entity));
  const byPosition = (a: Props, b: Props) => Number(a.position) - Number(b.position);
  const object = anchor('OBJECT') ?? str(props.object);
  const event = anchor('EVENT') ?? str(props.event);
  const time = timeRefOf(props, 'time');
  const quantities = ((props.quantities as Props[] | null) ?? []).sort(byPosition).map(quantityOf);
  const basis = str(props.basis);
  return {
    id: String(props.id),
    type: String(props.type) as FactEntry['type'],
    subject: anchor('SUBJECT') ?? String(props.subject),
    ...(object ? { object } : {}),
    ...(event ? { event } : {}),
    ...(participants.length ? { participants } : {}),
    statement: String(props.statement),
    modality: String(props.modality) as FactEntry['modality'],
    ...(props.status === 'FORMER' ? { status: 'FORMER' as const } : {}),
    ...(time ? { time } : {}),
    ...(quantities.length ? { quantities } : {}),
    ...(props.background === true ? { background: true } : {}),
    ...(basis !== null ? { basis } : {}),
    citations: ((props.citations as Props[] | null) ?? []).sort(byPosition).map((c) => citationOf(c, defaultDocument)),
  };
}

function quantityOf(q: Props): Quantity {
  const optional = (key: 'unit' | 'currency' | 'item' | 'text') => (q[key] === null || q[key] === undefined ? {} : { [key]: String(q[key]) });
  return {
    kind: String(q.kind) as Quantity['kind'],
    ...(typeof q.value === 'number' ? { value: q.value } : {}),
    ...optional('unit'),
    ...optional('currency'),
    ...optional('item'),
    comparator: String(q.comparator ?? 'EXACT') as NonNullable<Quantity['comparator']>,
    role: String(q.role ?? 'AMOUNT') as NonNullable<Quantity['role']>,
    ...optional('text'),
  };
}

function citationOf(c: Props, defaultDocument: string | undefined): CitationEntry {
  const document = String(c.document);
  return {
    quote: String(c.quote),
    start: Number(c.start),
    end: Number(c.end),
    ...(document !== defaultDocument ? { document } : {}),
    saidBy: String(c.saidBy),
    ...(c.reportedBy ? { reportedBy: String(c.reportedBy) } : {}),
    kind: String(c.kind) as CitationEntry['kind'],
    ...(typeof c.confidence === 'number' ? { confidence: c.confidence } : {}),
  };
}

function timeRefOf(props: Props, prefix: string): TimeRef | undefined {
  const names = timeProperties(prefix);
  if (props[names.value] === null || props[names.value] === undefined) return undefined;
  const text = str(props[names.text]);
  const end = str(props[names.endValue]);
  return {
    ...(text !== null ? { text } : {}),
    value: String(props[names.value]),
    ...(end !== null ? { end } : {}),
    precision: String(props[names.precision]) as TimeRef['precision'],
    inferred: props[names.inferred] === true,
  };
}

/** Every entity id a fact entry names. */
export function referencedIds(fact: FactEntry): string[] {
  return [
    fact.subject,
    ...(fact.object ? [fact.object] : []),
    ...(fact.event ? [fact.event] : []),
    ...(fact.participants ?? []).map((p) => p.entity),
    ...(fact.quantities ?? []).flatMap((q) => (q.item ? [q.item] : [])),
    ...fact.citations.flatMap((c) => [c.saidBy, ...(c.document ? [c.document] : []), ...(c.reportedBy ? [c.reportedBy] : [])]),
  ];
}

const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

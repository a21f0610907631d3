/**
 * Mutations as knowledge-file entries: each input is turned into the entries a knowledge file would hold, checked
 * by the same rules (validateEntries: the JSON Schema, then the semantic checks, references looked up in the
 * graph), and written through the same graph rows (toGraphRows) as ONE revision (CurationWriter.edit). The
 * state a decision depends on is read inside the write's transaction, after the revision log's lock, so
 * `expectedRevision` is compared with what is really there; a refusal rolls the transaction back.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Principal } from '../auth/principal.ts';
import type { GraphEdits } from '../database/curation/curation-writer.ts';
import { CurationWriter } from '../database/curation/curation-writer.ts';
import type { ChangeRow, WriteOutcome, WriteRequest } from '../database/curation/revisions.ts';
import { sequenceOfRevisionId } from '../database/curation/revisions.ts';
import type { Database } from '../database/database.ts';
import type { StoredEntity } from '../database/knowledge-writer.ts';
import { DATASET_ENTITY_KEYS, fieldChanges } from '../knowledge/dataset-diff.ts';
import { canonicalJson, entityEntryOfFields, entityFieldsOfEntry, entityFieldsOfStored, entityRow, toGraphRows, type GraphRows } from '../knowledge/graph-rows.ts';
import type { EntityEntry, EntityKind, FactEntry, KnowledgeFile } from '../knowledge/knowledge-file.ts';
import { KNOWLEDGE_FILE_SUFFIX, KnowledgeFileError, writeKnowledge } from '../knowledge/loader.ts';
import { absentQuote, validateEntries, validateKnowledgeFile } from '../knowledge/validate-knowledge-file.ts';
import { ENTITY_TYPE_OF_KIND } from '../vocabulary/index.ts';
import { ConflictError, CurationInputError, NotFoundError, type Problem } from './errors.ts';
import { factIdBase, factIdCandidates } from './fact-id.ts';
import { problemsOf } from './pointers.ts';
import { findQuote } from './quotes.ts';

type Rank = 'PREFERRED' | 'NORMAL' | 'DEPRECATED';

/** Who writes, and how the write is told apart from a retry (see WriteRequest). */
export interface Caller {
  principal: Principal;
  /** The Idempotency-Key (already made unique per mutation field), or null. */
  idempotencyKey: string | null;
  onBookmark?: (bookmark: string) => void;
}

export interface UpsertEntityInput {
  id: string;
  kind?: EntityKind | null;
  name?: string | null;
  description?: string | null;
  aliases?: { text: string; language?: string | null }[] | null;
  background?: boolean | null;
  expectedRevision?: string | null;
}

export interface AddDocumentInput {
  id: string;
  name: string;
  description: string;
  text: string;
  language: string;
  published: { text?: string | null; value: string; end?: string | null; precision: string; inferred?: boolean | null };
  url?: string | null;
}

/** AssertFactInput of the SDL: a knowledge-file fact without offsets, with `near` and `rank`. */
export interface AssertFactInput {
  id?: string | null;
  citations?: ({ document: string; quote: string; near?: number | null } & Record<string, unknown>)[] | null;
  rank?: Rank | null;
  [field: string]: unknown;
}

export class Curator {
  private readonly writer: CurationWriter;

  constructor(private readonly db: Database) {
    this.writer = new CurationWriter(db);
  }

  /** Creates an entity, or changes the fields given (EntityVersion of the old ones, UPDATE_ENTITY per field). */
  upsertEntity(input: UpsertEntityInput, caller: Caller): Promise<WriteOutcome<{ id: string; existed: boolean }>> {
    const { expectedRevision, ...args } = input;
    return this.writer.edit('upsert-entity', this.request(caller, 'upsertEntity', input), async (edits) => {
      const stored = await this.storedEntity(edits, input.id, '/input/id');
      if (stored) checkExpected(input.id, expectedRevision, stored.revision);
      const current = stored ? entityFieldsOfStored(stored.values!) : undefined;
      const entry = compact({
        id: input.id,
        kind: args.kind ?? current?.kind,
        name: args.name ?? current?.name,
        description: args.description ?? current?.description,
        aliases: args.aliases ? args.aliases.map((a) => compact({ text: a.text, lang: a.language })) : current?.aliases,
        published: current?.published ?? undefined,
        background: args.background ?? current?.background,
      }) as unknown as EntityEntry;
      if (entry.aliases?.length === 0) delete entry.aliases;
      if (!current && entry.kind === 'DOCUMENT') throw new CurationInputError([{ pointer: '/input/kind', message: 'a document is added with addDocument, which takes its text' }]);
      this.check({ entities: [entry], facts: [] }, 'upsertEntity', '/entities/0', '/input');
      const after = entityFieldsOfEntry(entry);
      const changes: ChangeRow[] = current ? fieldChanges(input.id, current, after) : [{ operation: 'CREATE_ENTITY', target: input.id, after }];
      if (changes.length === 0) return { summary: '', changes, result: { id: input.id, existed: true } };
      if (current) await edits.saveEntityVersions([input.id]);
      await edits.writeRows(rowsOf({ entities: [entityRowAt(entry, edits.sequence, !current)] }));
      const summary = current ? `upsertEntity ${input.id}: ${changes.map((c) => c.field).join(', ')} changed` : `upsertEntity ${input.id}: created`;
      return { summary, changes, result: { id: input.id, existed: current !== undefined } };
    });
  }

  /** A Document entity with its text (hashed, never changed afterwards), language, published time and url. */
  addDocument(input: AddDocumentInput, caller: Caller): Promise<WriteOutcome<{ id: string }>> {
    return this.writer.edit('add-document', this.request(caller, 'addDocument', input), async (edits) => {
      const entry = compact({ id: input.id, kind: 'DOCUMENT', name: input.name, description: input.description, published: input.published }) as unknown as EntityEntry;
      this.check({ entities: [entry], facts: [] }, 'addDocument', '/entities/0', '/input');
      const textSha256 = sha256(input.text);
      const stored = (await edits.entityStates([input.id], DATASET_ENTITY_KEYS)).get(input.id);
      if (stored) {
        const storedSha = stored.values?.[DATASET_ENTITY_KEYS.indexOf('textSha256')];
        const why = stored.mergedInto
          ? `"${input.id}" was merged into "${stored.mergedInto}"`
          : storedSha === textSha256
            ? `the document "${input.id}" already exists with this text`
            : storedSha
              ? `the document "${input.id}" already exists with another text; a document's text never changes (citations point into it by offsets): add it under a new id`
              : `"${input.id}" is the id of an entity that is not a document`;
        throw new CurationInputError([{ pointer: storedSha && storedSha !== textSha256 ? '/input/text' : '/input/id', message: why }]);
      }
      const row = entityRowAt(entry, edits.sequence, true);
      row.props.url = input.url ?? null;
      await edits.writeRows(rowsOf({ entities: [row], documentTexts: [{ id: input.id, text: input.text, sha256: textSha256, language: input.language }] }));
      const after = { ...entityFieldsOfEntry(entry), language: input.language, url: input.url ?? null, textSha256, length: input.text.length };
      return { summary: `addDocument ${input.id}`, changes: [{ operation: 'ADD_DOCUMENT', target: input.id, after }], result: { id: input.id } };
    });
  }

  /**
   * A fact with its citations: each quote's offsets are found in its document's text (the occurrence nearest
   * `near`, else the first); the fact is projected as a knowledge file's is; the id is generated when omitted.
   */
  assertFact(input: AssertFactInput, caller: Caller): Promise<WriteOutcome<{ id: string }>> {
    const { rank: rankInput, id: givenId, ...content } = input;
    const rank: Rank = rankInput ?? 'NORMAL';
    return this.writer.edit('assert-fact', this.request(caller, 'assertFact', input), async (edits) => {
      const draft = compact({ ...content, citations: (input.citations ?? []).map(({ near: _near, ...c }) => c) }) as unknown as FactEntry;
      draft.id = givenId ?? factIdBase(draft);
      const refs = referencesOf(draft);
      const stored = await edits.entityStates(refs, DATASET_ENTITY_KEYS);
      const problems = redirectProblems(draft, stored);
      const texts = await edits.documentTexts((draft.citations ?? []).map((c) => c.document!).filter(Boolean));
      (input.citations ?? []).forEach((citation, j) => {
        const text = texts.get(citation.document);
        if (text === undefined) return; // an unknown document: the reference check says so
        const at = findQuote(text, citation.quote, citation.near);
        if (at) Object.assign(draft.citations[j]!, at);
        else problems.push({ pointer: `/input/citations/${j}/quote`, message: absentQuote(text, citation.quote) });
      });
      for (const c of draft.citations) if (c.start === undefined) Object.assign(c, { start: 0, end: Math.max(1, c.quote?.length ?? 1) });
      const known = new Map<string, EntityKind>([...stored].flatMap(([id, s]) => (s.values ? [[id, s.values[0] as EntityKind]] : [])));
      const validation = validateEntries({ entities: [], facts: [draft] }, { name: 'assertFact', known, texts });
      const pointed = new Set(problems.map((p) => p.pointer));
      if (!validation.ok) problems.push(...problemsOf(validation.errors, '/facts/0', '/input').filter((p) => !pointed.has(p.pointer)));
      if (problems.length) throw new CurationInputError(problems);

      const taken = await edits.factIdsTaken(givenId ? [givenId] : factIdCandidates(draft.id));
      if (givenId && taken.has(givenId)) throw new CurationInputError([{ pointer: '/input/id', message: `a fact with the id "${givenId}" already exists; fact ids are unique (omit the id to have one made)` }]);
      draft.id = givenId ?? factIdCandidates(draft.id).find((id) => !taken.has(id)) ?? `${draft.id}-r${edits.sequence}`;

      const documents = [...stored].flatMap(([id, s]) => (s.values ? [entityEntryOfFields(id, entityFieldsOfStored(s.values))] : []));
      const file = { format: 'kg-knowledge/1', id: 'api', title: 'assertFact', sources: [], entities: documents, facts: [draft] } as unknown as KnowledgeFile;
      const rows = toGraphRows(file, texts, { dataset: null });
      rows.facts[0]!.props.rank = rank;
      rows.facts[0]!.props.rankHistory = JSON.stringify([{ revision: edits.sequence, rank }]);
      await edits.writeRows({ ...rows, entitiesByLabel: new Map(), documentTexts: [] });
      if (rank === 'DEPRECATED') await edits.hideFacts([draft.id]);
      return { summary: `assertFact ${draft.id}`, changes: [{ operation: 'ASSERT_FACT', target: draft.id, after: { ...draft, rank } }], result: { id: draft.id } };
    });
  }

  /** The fact is kept, hidden from current reads (its edges become history edges), with the reason. */
  retractFact(args: { id: string; reason: string; expectedRevision?: string | null }, caller: Caller): Promise<WriteOutcome<{ id: string }>> {
    return this.writer.edit('retract-fact', this.request(caller, 'retractFact', args), async (edits) => {
      const state = await this.storedFact(edits, args.id);
      checkExpected(args.id, args.expectedRevision, state.revision);
      if (state.retractedIn !== null) throw new CurationInputError([{ pointer: '/id', message: `the fact "${args.id}" was already retracted, in r${state.retractedIn}` }]);
      checkReason(args.reason);
      if (state.rank !== 'DEPRECATED') await edits.hideFacts([args.id]);
      await edits.setFactState([{ id: args.id, props: { retractedIn: edits.sequence, retractionReason: args.reason } }]);
      return { summary: `retractFact ${args.id}: ${args.reason}`, changes: [{ operation: 'RETRACT_FACT', target: args.id, reason: args.reason }], result: { id: args.id } };
    });
  }

  /** A new rank, kept in the rank history; DEPRECATED hides the fact like a retraction, leaving it shows it again. */
  setFactRank(args: { id: string; rank: Rank; reason: string; expectedRevision?: string | null }, caller: Caller): Promise<WriteOutcome<{ id: string }>> {
    return this.writer.edit('set-fact-rank', this.request(caller, 'setFactRank', args), async (edits) => {
      const state = await this.storedFact(edits, args.id);
      checkExpected(args.id, args.expectedRevision, state.revision);
      const before: Rank = (state.rank as Rank | null) ?? 'NORMAL';
      if (before === args.rank) throw new CurationInputError([{ pointer: '/rank', message: `the fact "${args.id}" already has rank ${args.rank}` }]);
      checkReason(args.reason);
      const retracted = state.retractedIn !== null;
      if (!retracted && args.rank === 'DEPRECATED') await edits.hideFacts([args.id]);
      if (!retracted && before === 'DEPRECATED') await edits.showFacts([args.id]);
      const history = [...(state.rankHistory ? (JSON.parse(state.rankHistory) as unknown[]) : []), { revision: edits.sequence, rank: args.rank }];
      await edits.setFactState([{ id: args.id, props: { rank: args.rank, rankHistory: JSON.stringify(history) } }]);
      const change: ChangeRow = { operation: 'SET_RANK', target: args.id, before, after: args.rank, reason: args.reason };
      return { summary: `setFactRank ${args.id}: ${before} → ${args.rank}`, changes: [change], result: { id: args.id } };
    });
  }

  /** `from` becomes a redirect to `into`; its edges move to `into` (history edges left behind). */
  mergeEntities(args: { from: string; into: string; reason: string; expectedRevision?: string | null }, caller: Caller): Promise<WriteOutcome<{ id: string; redirected: string[] }>> {
    return this.writer.edit('merge-entities', this.request(caller, 'mergeEntities', args), async (edits) => {
      if (args.from === args.into) throw new CurationInputError([{ pointer: '/into', message: 'an entity cannot be merged into itself' }]);
      const from = await this.storedEntity(edits, args.from, '/from');
      const into = await this.storedEntity(edits, args.into, '/into');
      if (!from) throw new NotFoundError('entity', args.from, '/from');
      if (!into) throw new NotFoundError('entity', args.into, '/into');
      checkExpected(args.from, args.expectedRevision, from.revision);
      const [fromKind, intoKind] = [from.values![0], into.values![0]];
      const problems: Problem[] = [];
      if (fromKind !== intoKind) problems.push({ pointer: '/into', message: `"${args.into}" is a ${String(intoKind)} and "${args.from}" a ${String(fromKind)}: only entities of one kind can be merged` });
      if (fromKind === 'DOCUMENT') problems.push({ pointer: '/from', message: 'documents cannot be merged: citations point into their texts by offsets' });
      if (problems.length) throw new CurationInputError(problems);
      checkReason(args.reason);
      const relations = await edits.relationsOf(args.from);
      const earlier = await edits.redirectsInto(args.from);
      await edits.mergeAway(args.from, args.into);
      const moved = (end: string) => (end === args.from ? args.into : end);
      await edits.createRelations(relations.map((r) => ({ ...r, from: moved(r.from), to: moved(r.to) })));
      const change: ChangeRow = { operation: 'MERGE_ENTITY', target: args.from, after: args.into, reason: args.reason };
      return { summary: `mergeEntities ${args.from} → ${args.into}: ${args.reason}`, changes: [change], result: { id: args.into, redirected: [args.from, ...earlier] } };
    });
  }

  /**
   * A whole knowledge file and the texts of its sources, checked by the same validator as files on disk and
   * written by the same diff path: ONE revision of the file's differences, authored by the caller.
   */
  async importKnowledge(
    args: { file: unknown; sources: { document: string; text: string }[] },
    caller: Caller,
  ): Promise<{ status: 'LOADED' | 'UNCHANGED'; dataset: string; revision: WriteOutcome<unknown>['revision'] }> {
    const texts = new Map(args.sources.map((s) => [s.document, s.text]));
    const declared = (args.file as { sources?: { document?: unknown; path?: unknown }[] } | null)?.sources;
    const dir = '/import';
    const byPath = new Map((Array.isArray(declared) ? declared : []).map((s) => [path.resolve(dir, String(s?.path ?? '')), String(s?.document ?? '')]));
    const id = String((args.file as { id?: unknown } | null)?.id ?? 'import');
    const validation = validateKnowledgeFile(args.file, {
      filePath: path.join(dir, `${id}${KNOWLEDGE_FILE_SUFFIX}`),
      readSource: (absPath) => {
        const document = byPath.get(absPath) ?? '';
        const text = texts.get(document);
        if (text === undefined) throw new Error(`no text was sent for document "${document}" in \`sources\``);
        return text;
      },
    });
    if (!validation.ok) throw new CurationInputError(problemsOf(validation.errors, '', '/file'));
    const sha256 = createHash('sha256').update(canonicalJson({ file: args.file, sources: [...texts].sort() })).digest('hex');
    const request = this.request(caller, 'importKnowledge', args);
    try {
      const written = await writeKnowledge(this.db, validation.file, validation.sources, { file: `${id}${KNOWLEDGE_FILE_SUFFIX}`, sha256, ...request, awaitSearchIndex: true });
      return { status: written.status === 'loaded' ? 'LOADED' : 'UNCHANGED', dataset: written.dataset, revision: written.revision };
    } catch (error) {
      if (error instanceof KnowledgeFileError) throw new CurationInputError(problemsOf(error.errors, '', '/file'));
      throw error;
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  private request(caller: Caller, field: string, args: unknown): WriteRequest {
    const requestSha256 = createHash('sha256').update(canonicalJson({ field, args })).digest('hex');
    return { principal: caller.principal, onBookmark: caller.onBookmark, idempotency: caller.idempotencyKey ? { key: caller.idempotencyKey, requestSha256 } : null };
  }

  /** Entries checked by the knowledge file's rules; their problems pointed at the input. */
  private check(entries: { entities: EntityEntry[]; facts: FactEntry[] }, name: string, from: string, to: string): void {
    const result = validateEntries(entries, { name, known: new Map(), texts: new Map() });
    if (!result.ok) throw new CurationInputError(problemsOf(result.errors, from, to));
  }

  /** The entity as stored (null when there is none); a merged-away id is refused, naming its survivor. */
  private async storedEntity(edits: GraphEdits, id: string, pointer: string): Promise<StoredEntity | null> {
    const stored = (await edits.entityStates([id], DATASET_ENTITY_KEYS)).get(id) ?? null;
    if (stored?.mergedInto) throw new CurationInputError([{ pointer, message: `"${id}" was merged into "${stored.mergedInto}": use that id` }]);
    return stored;
  }

  private async storedFact(edits: GraphEdits, id: string) {
    const state = (await edits.factStates([id])).get(id);
    if (!state) throw new NotFoundError('fact', id, '/id');
    return state;
  }
}

/** CONFLICT when `expected` (a revision id) is given and is not the target's current revision. */
function checkExpected(target: string, expected: string | null | undefined, current: number | null): void {
  if (expected === undefined || expected === null) return;
  const sequence = sequenceOfRevisionId(expected);
  if (sequence === undefined) throw new CurationInputError([{ pointer: '/expectedRevision', message: `"${expected}" is not a revision id: r followed by the revision's sequence number, e.g. r42` }]);
  if (sequence !== (current ?? 0)) throw new ConflictError(target, expected, current === null ? null : `r${current}`);
}

function checkReason(reason: string): void {
  if (reason.trim() === '') throw new CurationInputError([{ pointer: '/reason', message: 'a reason is required: say why, in a few words' }]);
}

/** Every entity id a fact refers to. */
function referencesOf(fact: FactEntry): string[] {
  const ids = [fact.subject, fact.object, fact.event, ...(fact.participants ?? []).map((p) => p.entity), ...(fact.quantities ?? []).map((q) => q.item)];
  for (const c of fact.citations ?? []) ids.push(c.document, c.saidBy, c.reportedBy);
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

/** References to merged-away ids, pointed at where the input names them. */
function redirectProblems(fact: FactEntry, stored: ReadonlyMap<string, StoredEntity>): Problem[] {
  const problems: Problem[] = [];
  const at = (pointer: string, id: string | undefined) => {
    const survivor = id === undefined ? undefined : stored.get(id)?.mergedInto;
    if (survivor) problems.push({ pointer, message: `"${id}" was merged into "${survivor}": use that id` });
  };
  at('/input/subject', fact.subject);
  at('/input/object', fact.object);
  at('/input/event', fact.event);
  fact.participants?.forEach((p, i) => at(`/input/participants/${i}/entity`, p.entity));
  fact.quantities?.forEach((q, i) => at(`/input/quantities/${i}/item`, q.item));
  fact.citations?.forEach((c, i) => {
    at(`/input/citations/${i}/document`, c.document);
    at(`/input/citations/${i}/saidBy`, c.saidBy);
    at(`/input/citations/${i}/reportedBy`, c.reportedBy);
  });
  return problems;
}

/** An entity's row with its history properties: `since` and `revision` this revision, `created` when new. */
function entityRowAt(entry: EntityEntry, sequence: number, created: boolean): { label: string; id: string; props: Record<string, unknown> } {
  const row = entityRow(entry);
  return { label: ENTITY_TYPE_OF_KIND[entry.kind], id: row.id, props: { ...row.props, since: sequence, revision: sequence, ...(created ? { created: sequence } : {}) } };
}

function rowsOf(parts: { entities: { label: string; id: string; props: Record<string, unknown> }[]; documentTexts?: GraphRows['documentTexts'] }): GraphRows {
  const entitiesByLabel: GraphRows['entitiesByLabel'] = new Map();
  for (const { label, ...row } of parts.entities) entitiesByLabel.set(label as never, [...(entitiesByLabel.get(label as never) ?? []), row]);
  return { entitiesByLabel, documentTexts: parts.documentTexts ?? [], facts: [], participants: [], quantities: [], citations: [], relationsByType: new Map() };
}

/** The input without its nulls (GraphQL sends null for an omitted optional field given as a variable). */
function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, compact(v)])) as T;
  }
  return value;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

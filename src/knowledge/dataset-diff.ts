/**
 * A changed knowledge file against what the graph holds for it: the differences, as the write layer writes them
 * in one revision (docs/curation-model.md, "Knowledge files"). New entities and facts are created, changed
 * entity fields updated (before and after kept), facts whose content changed revised, facts no longer in the
 * file retracted ("removed from <file>"). Pure: the graph's state comes in, the plan goes out.
 */
import type { ChangeRow } from '../database/curation/revisions.ts';
import type { DatasetPlan, DatasetState, GraphRows } from '../database/knowledge-writer.ts';
import { entityFieldsOfEntry, entityFieldsOfStored, ENTITY_STORED_KEYS, canonicalJson, type EntityFields } from './graph-rows.ts';
import type { FactEntry, KnowledgeFile } from './knowledge-file.ts';

/** The stored properties read for each entity of a file: its fields, then its document text's hash. */
export const DATASET_ENTITY_KEYS = [...ENTITY_STORED_KEYS, 'textSha256'] as const;

/** A document whose text differs from the one stored: citations point into texts by offsets, so it is refused. */
export class DocumentTextChangedError extends Error {
  override name = 'DocumentTextChangedError';
  constructor(readonly documents: readonly string[]) {
    super(`The text of document${documents.length === 1 ? '' : 's'} ${documents.join(', ')} differs from the one stored; a document's text never changes (add a new document instead)`);
  }
}

export function planDataset(file: KnowledgeFile, rows: GraphRows, state: DatasetState, sequence: number, fileName: string): DatasetPlan {
  const changes: ChangeRow[] = [];
  const entities = planEntities(file, rows, state, sequence, changes);
  const documentTexts = planDocumentTexts(rows, state);
  const facts = planFacts(file, rows, state, sequence, fileName, changes);
  const count = (operation: ChangeRow['operation']) => changes.filter((c) => c.operation === operation).length;
  const updated = new Set(changes.filter((c) => c.operation === 'UPDATE_ENTITY').map((c) => c.target)).size;
  const summary =
    `${fileName}: ${count('CREATE_ENTITY')} entities created, ${updated} changed; ` +
    `${count('ASSERT_FACT')} facts asserted, ${count('REVISE_FACT')} revised, ${count('RETRACT_FACT')} retracted`;
  return { ...entities, documentTexts, ...facts, changes, summary };
}

function planEntities(file: KnowledgeFile, rows: GraphRows, state: DatasetState, sequence: number, changes: ChangeRow[]) {
  const entries = new Map(file.entities.map((e) => [e.id, e]));
  const entitiesByLabel: GraphRows['entitiesByLabel'] = new Map();
  const versioned: string[] = [];
  for (const [label, list] of rows.entitiesByLabel) {
    const kept: typeof list = [];
    for (const row of list) {
      const stored = state.entities.get(row.id);
      // A merged-away id is not created again (its survivor holds it); references to it are not followed here.
      if (stored?.mergedInto) continue;
      const fields = entityFieldsOfEntry(entries.get(row.id)!);
      if (!stored?.values) {
        // No `after`: the new entity is the value after, and its next change keeps these as an EntityVersion.
        changes.push({ operation: 'CREATE_ENTITY', target: row.id });
        kept.push({ id: row.id, props: { ...row.props, created: sequence, since: sequence, revision: sequence } });
        continue;
      }
      const updates = fieldChanges(row.id, entityFieldsOfStored(stored.values), fields);
      if (updates.length === 0) continue;
      changes.push(...updates);
      versioned.push(row.id);
      kept.push({ id: row.id, props: { ...row.props, since: sequence, revision: sequence } });
    }
    if (kept.length) entitiesByLabel.set(label, kept);
  }
  return { entitiesByLabel, versioned };
}

/** UPDATE_ENTITY changes, one per field that differs, with before and after. */
export function fieldChanges(id: string, before: EntityFields, after: EntityFields): ChangeRow[] {
  return (Object.keys(after) as (keyof EntityFields)[])
    .filter((field) => canonicalJson(before[field]) !== canonicalJson(after[field]))
    .map((field) => ({ operation: 'UPDATE_ENTITY' as const, target: id, field, before: before[field], after: after[field] }));
}

function planDocumentTexts(rows: GraphRows, state: DatasetState): GraphRows['documentTexts'] {
  const shaAt = DATASET_ENTITY_KEYS.indexOf('textSha256');
  const changed: string[] = [];
  const texts = rows.documentTexts.filter((doc) => {
    const stored = state.entities.get(doc.id)?.values?.[shaAt] ?? null;
    if (stored !== null && stored !== doc.sha256) changed.push(doc.id);
    return stored === null;
  });
  if (changed.length) throw new DocumentTextChangedError(changed);
  return texts;
}

function planFacts(file: KnowledgeFile, rows: GraphRows, state: DatasetState, sequence: number, fileName: string, changes: ChangeRow[]) {
  const entries = new Map<string, FactEntry>(file.facts.map((f) => [f.id, f]));
  const written = new Set<string>();
  const revised: string[] = [];
  for (const row of rows.facts) {
    const stored = state.facts.get(row.id);
    const after = factSummary(entries.get(row.id)!, row.props.contentSha256);
    if (!stored) {
      // No `after`: the new fact is the value after (see factSummary).
      changes.push({ operation: 'ASSERT_FACT', target: row.id });
      written.add(row.id);
    } else if (stored.contentSha256 !== row.props.contentSha256 || stored.retractedIn !== null) {
      // A changed fact, or one the file had removed and now holds again: a new version.
      changes.push({ operation: 'REVISE_FACT', target: row.id, before: { ...stored.content, contentSha256: stored.contentSha256 }, after });
      written.add(row.id);
      revised.push(row.id);
    }
  }
  const retracted: DatasetPlan['retracted'] = [];
  const reason = `removed from ${fileName}`;
  for (const [id, stored] of state.facts) {
    if (entries.has(id) || stored.retractedIn !== null) continue;
    changes.push({ operation: 'RETRACT_FACT', target: id, before: stored.content, reason });
    retracted.push({ id, props: { retractedIn: sequence, retractionReason: reason } });
  }
  const mine = <T extends { fact?: string; factId?: string; id?: string }>(list: readonly T[]) => list.filter((r) => written.has(r.fact ?? r.factId ?? ''));
  const relationsByType: GraphRows['relationsByType'] = new Map();
  for (const [type, list] of rows.relationsByType) {
    const kept = mine(list);
    if (kept.length) relationsByType.set(type, kept);
  }
  const facts = {
    facts: rows.facts.filter((f) => written.has(f.id)),
    participants: mine(rows.participants),
    quantities: mine(rows.quantities),
    citations: mine(rows.citations),
    relationsByType,
  };
  return { facts, revised, retracted };
}

/**
 * What a file's revised fact records as `after`: what the fact says, and its content hash; the whole entry is
 * the fact itself (its content never changes; a revised one keeps its old node as a :FactVersion). A file's
 * new facts and entities record no `after` at all: a 50,000-relation file writes one change per fact and
 * entity in its one transaction, and repeating their content there made it too large for a 2 GB heap.
 */
function factSummary(fact: FactEntry, contentSha256: unknown): Record<string, unknown> {
  return { type: fact.type, statement: fact.statement, modality: fact.modality, status: fact.status ?? 'CURRENT', contentSha256 };
}

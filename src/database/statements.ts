/**
 * Every Cypher statement the app runs lives in cypher/ as a .cypher file; this module loads them once at
 * start-up and hands them out by name. A missing file fails start-up, not a request.
 *
 * Statements are templates with one syntax, `{{slot}}`, filled by one function (fillTemplate):
 * - upper-case slots are constants, filled once when a file is loaded: the vocabulary (`{{RELATION_TYPES}}`,
 *   `{{ENTITY_LABELS}}`, `{{ENTITY_PROPERTIES}}`) and shared fragments (`{{FACT_PROJECTION}}`, from
 *   cypher/read/fragments);
 * - lower-case slots are filled per use by code: a label or relationship type from a fixed list (which Cypher
 *   cannot take as a parameter, see renderStatement), or the variable names and fragments the entity tree
 *   assembles. Never request values: those are always parameters.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config/config.ts';
import { ENTITY_LABELS, ENTITY_PROPERTIES as ENTITY_PROPERTY_NAMES, RELATION_TYPES } from '../vocabulary/index.ts';

export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

/**
 * Keyset pages: each file orders by `{{ORDER}}` and is loaded twice, ascending under its name and descending as
 * `<name>:backward`, for `last`/`before` (read backward, reversed back in code: see repository.ts).
 */
export const KEYSET_STATEMENT_NAMES = [
  'read/entities-page',
  'read/entity-relations',
  'read/relations-page-from',
  'read/relations-page-to',
  'read/relations-page-all',
  'read/facts-by-entities',
  'read/facts-backed-by-sources',
  'read/facts-by-entities-with-retracted',
  'read/facts-backed-by-sources-with-retracted',
  'read/history/revisions-after',
  'read/history/revisions-of-target',
  'read/as-of/entities-page',
  'read/as-of/facts-by-entities',
  'read/as-of/facts-backed-by-sources',
  'read/as-of/entity-relations',
  'read/as-of/relations-page-from',
  'read/as-of/relations-page-to',
  'read/as-of/relations-page-all',
] as const;

export type KeysetStatementName = (typeof KEYSET_STATEMENT_NAMES)[number];
export type BackwardStatementName = `${KeysetStatementName}:backward`;

const BACKWARD_STATEMENT_NAMES = KEYSET_STATEMENT_NAMES.map((name) => `${name}:backward` as const);

/** Read statement names: their paths under cypher/, without the extension (`:backward`: see KEYSET_STATEMENT_NAMES). */
export const READ_STATEMENT_NAMES = [
  'read/entities-by-ids',
  'read/entities-page',
  'read/entity-relations',
  'read/relations-page-from',
  'read/relations-page-to',
  'read/relations-page-all',
  'read/facts-by-ids',
  'read/facts-by-entities',
  'read/facts-backed-by-sources',
  'read/facts-of-other-datasets',
  'read/document-texts',
  'read/sources',
  'read/search-entities',
  'read/shortest-path',
  'read/neighborhood',
  'read/ping',
  // Facts hidden from current reads, asked for by `includeRetracted`.
  'read/facts-by-entities-with-retracted',
  'read/facts-backed-by-sources-with-retracted',
  'read/fact-edges',
  // node/nodes and _entities: relations by id.
  'read/node-relations',
  // History (docs/curation-model.md): revisions, their changes, redirects of merged ids.
  'read/history/knowledge-version',
  'read/history/knowledge-sequence',
  'read/history/revisions-by-sequences',
  'read/history/revisions-after',
  'read/history/revisions-of-target',
  // As-of reads: the graph at a past revision, by the model's one validity rule.
  'read/as-of/revision-at-time',
  'read/as-of/entities-by-ids',
  'read/as-of/entities-page',
  'read/as-of/sources',
  'read/as-of/facts-by-ids',
  'read/as-of/facts-by-entities',
  'read/as-of/facts-backed-by-sources',
  'read/as-of/entity-relations',
  'read/as-of/relations-page-from',
  'read/as-of/relations-page-to',
  'read/as-of/relations-page-all',
  'read/as-of/neighborhood',
  'read/as-of/shortest-path',
  'read/auth/api-key-by-id',
  'read/auth/api-keys',
  // Connections' totalCount: exact up to a bound, with an estimate for beyond it.
  'read/count/entities',
  'read/count/relations-all',
  'read/count/relations-from',
  'read/count/relations-to',
  'read/count/entity-relations',
  'read/count/facts-by-entities',
  'read/count/facts-backed-by-sources',
  'read/count/revisions-of-target',
  'read/count/search',
  ...BACKWARD_STATEMENT_NAMES,
  // Exports (src/export): the current graph in keyset pages, or a neighbourhood's entities and facts.
  'read/export/entities',
  'read/export/entities-by-ids',
  'read/export/facts',
  'read/export/facts-by-ids',
  'read/export/relations',
  'read/export/sources',
  'read/export/datasets',
  'read/export/counts',
] as const;

/** The file a statement name is read from (a backward statement shares its forward one's). */
export const statementFile = (name: string): string => name.replace(/:backward$/, '');

/** Write statement names (run by the write layer, src/database/knowledge-writer.ts, in write transactions). */
export const WRITE_STATEMENT_NAMES = [
  'write/lock-dataset',
  'write/merge-entities',
  'write/set-document-texts',
  'write/create-facts',
  'write/create-relations',
  'write/finish-dataset',
  'write/await-search-index',
  // The bulk path's one fix-up after neo4j-admin import (src/knowledge/bulk).
  'write/bulk/empty-alias-lists',
  // Curation (src/database/curation): the revision log, then the edits, each in a revision's transaction.
  'write/revision/next-sequence',
  'write/revision/create-revision',
  'write/revision/create-changes',
  'write/revision/release-sequence',
  'write/curation/find-idempotency-key',
  'write/curation/record-idempotency-key',
  'write/curation/entity-states',
  'write/curation/save-entity-versions',
  'write/curation/set-entity-revision',
  'write/curation/fact-states',
  'write/curation/dataset-fact-states',
  'write/curation/fact-ids-taken',
  'write/curation/hide-facts',
  'write/curation/hidden-fact-edges',
  'write/curation/create-about',
  'write/curation/set-fact-state',
  'write/curation/archive-facts',
  'write/curation/entity-relations',
  'write/curation/merge-away',
  'write/curation/redirects-into',
  'write/auth/create-api-key',
  'write/auth/revoke-api-key',
  'write/curation/document-texts',
] as const;

export const STATEMENT_NAMES = [...READ_STATEMENT_NAMES, ...WRITE_STATEMENT_NAMES] as const;

export type ReadStatementName = (typeof READ_STATEMENT_NAMES)[number];
export type WriteStatementName = (typeof WRITE_STATEMENT_NAMES)[number];
export type StatementName = ReadStatementName | WriteStatementName;

/** The schema statements (constraints and indexes), run in file-name order. */
export const SCHEMA_STATEMENT_FILES = [
  'schema/01-entity-id-unique',
  'schema/02-fact-id-unique',
  'schema/03-drop-citation-id-unique',
  'schema/04-drop-quantity-id-unique',
  'schema/05-dataset-id-unique',
  'schema/06-entity-kind-index',
  'schema/07-fact-dataset-index',
  'schema/08-drop-entity-names-fulltext',
  'schema/09-entity-search-fulltext',
  'schema/10-await-indexes',
  // History (docs/curation-model.md): created empty, so they need no wait.
  'schema/11-revision-log-id-unique',
  'schema/12-revision-sequence-unique',
  'schema/13-revision-id-unique',
  'schema/14-change-target-index',
  'schema/15-entity-version-entity-index',
  'schema/16-fact-version-of-index',
  'schema/17-redirect-id-unique',
  'schema/18-redirect-merged-into-index',
  'schema/19-idempotency-key-id-unique',
  'schema/30-api-key-id-unique',
] as const;

export type SchemaStatementName = (typeof SCHEMA_STATEMENT_FILES)[number];

/** Shared fragments: expressions included in statements (see cypher/read/fragments/README.md), not statements. */
export const FRAGMENT_FILES = [
  'read/fragments/fact-projection',
  'read/fragments/fact-quantities',
  'read/fragments/fact-citations',
  'read/fragments/fact-participants',
  'read/fragments/fact-edges',
  'read/fragments/rank-as-of',
  'read/fragments/entity-as-of',
  'read/fragments/revision-projection',
  'read/fragments/fact-keyset',
] as const;

export type FragmentFile = (typeof FRAGMENT_FILES)[number];

export type Statements = ReadonlyMap<StatementName | SchemaStatementName, string>;

export function loadStatements(dir: string = CYPHER_DIR): Statements {
  const constants = constantSlots(dir);
  const statements = new Map<StatementName | SchemaStatementName, string>();
  const backward = { ...constants, ORDER: 'DESC' };
  for (const name of [...STATEMENT_NAMES, ...SCHEMA_STATEMENT_FILES]) {
    statements.set(name, readTemplate(statementFile(name), dir, name.endsWith(':backward') ? backward : constants));
  }
  return statements;
}

/**
 * A file under cypher/ (without `.cypher`) with its constant slots filled and its per-use slots left for
 * fillTemplate: what the entity tree reads its fragments with.
 */
export function readTemplate(name: string, dir: string = CYPHER_DIR, constants: Slots = constantSlots(dir)): string {
  return fillTemplate(readFileSync(path.join(dir, `${name}.cypher`), 'utf8').trim(), constants, name, 'constants');
}

export type Slots = Readonly<Record<string, string>>;

const SLOT = /\{\{(\w+)\}\}/g;
const isConstant = (slot: string) => /^[A-Z][A-Z0-9_]*$/.test(slot);

/**
 * The one template mechanism: replaces each `{{slot}}` of `text` by its value in `slots`. At the 'constants'
 * stage (loading a file) only upper-case slots are filled and per-use ones are left; at the 'all' stage every
 * slot must have a value. A slot without one is a programming error, reported with the template's name.
 */
export function fillTemplate(text: string, slots: Slots, name: string, stage: 'constants' | 'all' = 'all'): string {
  return text.replace(SLOT, (whole, slot: string) => {
    if (stage === 'constants' && !isConstant(slot)) return whole;
    const value = Object.hasOwn(slots, slot) ? slots[slot] : undefined;
    if (value === undefined) throw new Error(`Cypher template ${name} has no value for {{${slot}}}`);
    return value;
  });
}

/**
 * Set by curation (docs/curation-model.md), not by the knowledge format: the last revision that changed the
 * entity, and a document's URL (addDocument).
 */
const CURATION_PROPERTIES = ['revision', 'url'] as const;

/**
 * The stored properties an entity record is made of (vocabulary ENTITY_PROPERTIES), for map projections. Listed,
 * not `.*`: a document's full text is a property too, and reading it for every citation made lookups slower.
 */
export const ENTITY_PROPERTIES = [...ENTITY_PROPERTY_NAMES, ...CURATION_PROPERTIES].map((name) => `.${name}`).join(', ');

const CONSTANTS = new Map<string, Slots>();

/** The values of the constant slots, for the files under `dir` (computed once per folder). */
function constantSlots(dir: string): Slots {
  let constants = CONSTANTS.get(dir);
  if (!constants) CONSTANTS.set(dir, (constants = computeConstantSlots(dir)));
  return constants;
}

function computeConstantSlots(dir: string): Slots {
  const vocabulary: Slots = {
    // Entity-to-entity relations have one of these types (a fact type, or a participant role of an n-ary
    // fact). Expanding by this list, not by any type, lets Neo4j skip a hub's ABOUT, CITED_BY and provenance
    // links (a dense node keeps its relationships grouped by type), which are most of its relationships.
    RELATION_TYPES: RELATION_TYPES.join('|'),
    // Every kind's label, `Person:Organization:…`: what a re-load removes before it sets the kind's label.
    ENTITY_LABELS: ENTITY_LABELS.join(':'),
    ENTITY_PROPERTIES,
  };
  const fragment = (name: FragmentFile) => readTemplate(name, dir, vocabulary);
  const factProjection = fillTemplate(
    fragment('read/fragments/fact-projection'),
    {
      quantities: fragment('read/fragments/fact-quantities'),
      citations: fragment('read/fragments/fact-citations'),
      participants: fragment('read/fragments/fact-participants'),
    },
    'read/fragments/fact-projection',
  );
  return {
    ...vocabulary,
    FACT_PROJECTION: factProjection,
    FACT_EDGES: fragment('read/fragments/fact-edges'),
    RANK_AS_OF: fragment('read/fragments/rank-as-of'),
    ENTITY_AS_OF: fragment('read/fragments/entity-as-of'),
    REVISION_PROJECTION: fragment('read/fragments/revision-projection'),
    FACT_KEYSET: fragment('read/fragments/fact-keyset'),
    // Keyset statements' order: ascending, except in their backward copies (loadStatements).
    ORDER: 'ASC',
  };
}

/** The per-use slots of named statements and the values each accepts. */
const STATEMENT_SLOT_VALUES = {
  label: new Set(ENTITY_LABELS),
  type: new Set(RELATION_TYPES),
} as const;

export type StatementSlots = Partial<Record<keyof typeof STATEMENT_SLOT_VALUES, string>>;

/**
 * A named statement's text with its per-use slots filled: `{{label}}` with an entity label, `{{type}}` with a
 * relation type. Any other value is refused: slots hold identifiers from the vocabulary, never input text.
 */
export function renderStatement(text: string, name: string, slots: StatementSlots = {}): string {
  for (const [slot, value] of Object.entries(slots)) {
    const allowed = STATEMENT_SLOT_VALUES[slot as keyof typeof STATEMENT_SLOT_VALUES] as ReadonlySet<string> | undefined;
    if (!allowed?.has(value)) {
      throw new Error(`Refusing to fill {{${slot}}} of ${name} with ${JSON.stringify(value)}: only values from the vocabulary are allowed`);
    }
  }
  return fillTemplate(text, slots as Slots, name);
}

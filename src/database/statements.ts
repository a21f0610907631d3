/**
 * Every Cypher statement the app runs lives in cypher/ as a .cypher file; this module loads them once at
 * start-up and hands them out by name. A missing file fails start-up, not a request.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config/config.ts';
import { ENTITY_LABELS, ENTITY_PROPERTIES as ENTITY_PROPERTY_NAMES, RELATION_TYPES } from '../vocabulary/index.ts';

export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

/** Statement names: their paths under cypher/, without the extension. */
export const STATEMENT_NAMES = [
  'read/entities-by-ids',
  'read/entities-page',
  'read/entity-relations',
  'read/relations-page-from',
  'read/relations-page-to',
  'read/relations-page-all',
  'read/facts-by-ids',
  'read/facts-by-entities',
  'read/facts-backed-by-sources',
  'read/document-texts',
  'read/sources',
  'read/search-entities',
  'read/shortest-path',
  'read/neighborhood',
  'read/ping',
  'knowledge/lock-dataset',
  'knowledge/delete-dataset-relations',
  'knowledge/delete-dataset-facts',
  'knowledge/merge-entities',
  'knowledge/set-document-texts',
  'knowledge/create-facts',
  'knowledge/create-relations',
  'knowledge/finish-dataset',
  'knowledge/await-search-index',
] as const;

export type StatementName = (typeof STATEMENT_NAMES)[number];

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
] as const;

export type SchemaStatementName = (typeof SCHEMA_STATEMENT_FILES)[number];

export type Statements = ReadonlyMap<StatementName | SchemaStatementName, string>;

export function loadStatements(dir: string = CYPHER_DIR): Statements {
  const statements = new Map<StatementName | SchemaStatementName, string>();
  for (const name of [...STATEMENT_NAMES, ...SCHEMA_STATEMENT_FILES]) {
    statements.set(name, withVocabulary(readFileSync(path.join(dir, `${name}.cypher`), 'utf8')));
  }
  return statements;
}

/**
 * Entity-to-entity relations have one of these types (a fact type, or a participant role of an n-ary fact).
 * Expanding by this list, not by any type, lets Neo4j skip a hub's ABOUT, CITED_BY and provenance links
 * (a dense node keeps its relationships grouped by type), which are most of its relationships.
 */
export const RELATION_TYPE_PATTERN = RELATION_TYPES.join('|');

/** Every entity kind's label, `Person:Organization:…`: what a re-load removes before it sets the kind's label. */
export const ENTITY_LABEL_LIST = ENTITY_LABELS.join(':');

/** The stored properties an entity record is made of (vocabulary ENTITY_PROPERTIES), for map projections. */
export const ENTITY_PROPERTIES = ENTITY_PROPERTY_NAMES.map((name) => `.${name}`).join(', ');

/**
 * Fills the vocabulary slots statement files use (`{{RELATION_TYPES}}`, `{{ENTITY_PROPERTIES}}`,
 * `{{ENTITY_LABELS}}`), once at load time.
 */
export function withVocabulary(text: string): string {
  return text
    .replaceAll('{{RELATION_TYPES}}', RELATION_TYPE_PATTERN)
    .replaceAll('{{ENTITY_PROPERTIES}}', ENTITY_PROPERTIES)
    .replaceAll('{{ENTITY_LABELS}}', ENTITY_LABEL_LIST);
}

/**
 * Fills `{{placeholder}}` slots (labels and relationship types, which Cypher cannot take as parameters).
 * Values must be plain identifiers chosen by code from a fixed list: anything else is refused.
 */
export function renderTemplate(statement: string, slots: Record<string, string>): string {
  return statement.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = slots[key];
    if (value === undefined || !/^[A-Za-z][A-Za-z0-9_]*$/.test(value)) {
      throw new Error(`Refusing to render {{${key}}} with ${JSON.stringify(value)}: only identifiers from a fixed list are allowed`);
    }
    return value;
  });
}

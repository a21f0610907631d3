/**
 * The explorer's only way to the data: the public GraphQL API, the same one other apps use. Its enumerations
 * are the server's own vocabulary (src/vocabulary imports nothing, so it bundles for the browser).
 */
import type { CitationKind, Comparator, EntityKind, FactStatus, Modality, QuantityKind, RelationType } from '../../src/vocabulary/index.ts';
// Curation enumerations exist only in the SDL: typed from its generated types (type-only, nothing bundled).
import type { AuthorKind, ChangeOperation, Rank } from '../../src/graphql/generated/resolvers-types.ts';

export type { AuthorKind, ChangeOperation, Rank };

export interface EntitySummary {
  id: string;
  name: string;
  kind: EntityKind;
}

export interface RelationSummary {
  id: string;
  type: RelationType;
  label: string;
  from: EntitySummary;
  to: EntitySummary;
  fact: { id: string };
}

export interface RelationPage {
  nodes: RelationSummary[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface Citation {
  quote: string;
  start: number;
  end: number;
  kind: CitationKind;
  confidence: number | null;
  saidBy: { name: string };
  reportedBy: { name: string } | null;
  document: { id: string; name: string };
}

export interface FactDetails {
  id: string;
  type: string;
  statement: string;
  modality: Modality;
  /** CURRENT, or FORMER: a goal or plan the source says was given up or is no longer stated. */
  status: FactStatus;
  background: boolean;
  basis: string | null;
  time: { text: string | null; value: string } | null;
  quantities: { kind: QuantityKind; text: string | null; value: number | null; unit: string | null; money: { amount: number; currency: string } | null; comparator: Comparator }[];
  citations: Citation[];
}

export interface EntityDetails extends EntitySummary {
  description: string;
  background: boolean;
  aliases: { text: string; language: string | null }[];
}

export interface RevisionSummary {
  id: string;
  committedAt: string;
  author: string;
}

export interface Retraction {
  reason: string;
  revision: RevisionSummary;
}

/** A fact as listed under an entity, retracted and deprecated ones included. */
export interface FactListItem {
  id: string;
  type: string;
  statement: string;
  modality: Modality;
  status: FactStatus;
  rank: Rank;
  retraction: Retraction | null;
}

export interface Change {
  operation: ChangeOperation;
  target: string;
  field: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface Revision extends RevisionSummary {
  sequence: number;
  authorKind: AuthorKind;
  summary: string;
  changes: Change[];
}

/** A fact's rank, retraction and revisions: what the evidence panel shows on demand. */
export interface FactHistory {
  fact: { id: string; rank: Rank; retraction: Retraction | null; revision: RevisionSummary | null } | null;
  revisions: Revision[];
  /** More revisions than the page holds. */
  more: boolean;
}

export class ApiError extends Error {}

async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('The server cannot be reached.');
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join(' '));
  if (!response.ok || !body.data) throw new ApiError(`The server answered ${response.status}.`);
  return body.data;
}

const REVISION_SUMMARY = 'id committedAt author';
const RETRACTION_FIELDS = `retraction { reason revision { ${REVISION_SUMMARY} } }`;
/** Revisions shown per fact (the server's default page; a longer history says there is more). */
const HISTORY_PAGE = 20;
/** Facts listed per entity: the server's default MAX_PAGE_SIZE. */
const FACTS_PAGE = 100;

const RELATION_FIELDS = 'id type label from { id name kind } to { id name kind } fact { id }';

export const api = {
  search: (text: string) =>
    request<{ search: { nodes: EntitySummary[] } | null }>('query Search($text: String!) { search(text: $text, first: 8) { nodes { id name kind } } }', { text }).then((d) =>
      d.search?.nodes ?? [],
    ),

  entity: (id: string) =>
    request<{ entity: EntityDetails | null }>('query Entity($id: ID!) { entity(id: $id) { id name kind description background aliases { text language } } }', { id }).then(
      (d) => d.entity,
    ),

  relations: (id: string, first: number, after: string | null) =>
    request<{ entity: { relations: RelationPage } | null }>(
      `query Relations($id: ID!, $first: Int, $after: String) { entity(id: $id) { relations(first: $first, after: $after) { nodes { ${RELATION_FIELDS} } pageInfo { hasNextPage endCursor } } } }`,
      { id, first, after },
    ).then((d) => d.entity?.relations ?? null),

  fact: (id: string) =>
    request<{ fact: FactDetails | null }>(
      `query Fact($id: ID!) { fact(id: $id) { id type statement modality status background basis time { text value } quantities { kind text value unit money { amount currency } comparator }
        citations { quote start end kind confidence saidBy { name } reportedBy { name } document { id name } } } }`,
      { id },
    ).then((d) => d.fact),

  /** Every fact of an entity, retracted and deprecated ones included (read on demand, not on first load). */
  factsWithRetracted: (id: string) =>
    request<{ entity: { facts: { nodes: FactListItem[] } } | null }>(
      `query FactsWithRetracted($id: ID!) { entity(id: $id) { facts(first: ${FACTS_PAGE}, includeRetracted: true) { nodes { id type statement modality status rank ${RETRACTION_FIELDS} } } } }`,
      { id },
    ).then((d) => d.entity?.facts.nodes ?? null),

  /** A fact's rank and retraction, and its revisions oldest first, in one request. */
  factHistory: (id: string) =>
    request<{ fact: FactHistory['fact']; history: { nodes: Revision[]; pageInfo: { hasNextPage: boolean } } }>(
      `query FactHistory($id: ID!) {
        fact(id: $id) { id rank ${RETRACTION_FIELDS} revision { ${REVISION_SUMMARY} } }
        history(id: $id, first: ${HISTORY_PAGE}) { nodes { ${REVISION_SUMMARY} sequence authorKind summary changes { operation target field before after reason } } pageInfo { hasNextPage } }
      }`,
      { id },
    ).then((d): FactHistory => ({ fact: d.fact, revisions: d.history.nodes, more: d.history.pageInfo.hasNextPage })),

  documentText: (id: string) =>
    request<{ entity: { text?: string | null } | null }>('query Text($id: ID!) { entity(id: $id) { ... on Document { text } } }', { id }).then((d) => d.entity?.text ?? null),

  path: (from: string, to: string) =>
    request<{ path: { nodes: EntitySummary[]; edges: RelationSummary[] } | null }>(
      `query Path($from: ID!, $to: ID!) { path(from: $from, to: $to, maxDepth: 6) { nodes { id name kind } edges { ${RELATION_FIELDS} } } }`,
      { from, to },
    ).then((d) => d.path),
};

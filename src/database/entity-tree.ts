/**
 * One entity and the lists nested under it (relations, facts, recursively), fetched by ONE statement shaped by
 * the request's selection: the statement is assembled from the fragments in cypher/read/entity-tree, each
 * nested list a COLLECT subquery in its parent's map projection. This is what makes a nested GraphQL query
 * one database round trip per root field instead of one per nesting level.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR } from './statements.ts';
import type { RelationQuery } from './repository.ts';

/** What to fetch under an entity. An entity with no nested lists is projected flat. */
export interface EntityTreePlan {
  nested: NestedList[];
}

export type NestedList = RelationsList | FactsList;

export interface RelationsList {
  kind: 'relations';
  /** The GraphQL response key (alias or field name): where the resolver finds the result. */
  key: string;
  query: RelationQuery;
  from: EntityTreePlan;
  to: EntityTreePlan;
  /** Null when the selection does not ask for the relations' facts. */
  fact: FactPlan | null;
}

export interface FactsList {
  kind: 'facts';
  key: string;
  types: readonly string[] | null;
  first: number;
  fact: FactPlan;
}

export interface FactPlan {
  /** Also return every entity the fact refers to (participants, citations' sources, quantities' items). */
  referenced: boolean;
}

export interface CompiledTree {
  text: string;
  params: Record<string, unknown>;
}

const FRAGMENT_NAMES = ['root', 'entity', 'relations', 'fact-of-relation', 'facts', 'fact', 'fact-referenced-entities'] as const;
type FragmentName = (typeof FRAGMENT_NAMES)[number];

const FRAGMENTS = new Map<FragmentName, string>(
  FRAGMENT_NAMES.map((name) => [name, readFileSync(path.join(CYPHER_DIR, 'read/entity-tree', `${name}.cypher`), 'utf8').trim()]),
);

/** Fills `{{slot}}`s with variable names and fragments made here (never with request values: those are parameters). */
function fill(name: FragmentName, slots: Record<string, string>): string {
  return FRAGMENTS.get(name)!.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = slots[key];
    if (value === undefined) throw new Error(`Fragment ${name} has no value for {{${key}}}`);
    return value;
  });
}

/** The statement and parameters for `entity(id)` with `plan` under it. Same plan shape, same text. */
export function compileEntityTree(id: string, plan: EntityTreePlan): CompiledTree {
  const params: Record<string, unknown> = { id };
  let counter = 0;
  const fresh = (prefix: string) => `${prefix}${counter++}`;
  const param = (value: unknown) => {
    const name = `p${Object.keys(params).length}`;
    params[name] = value;
    return name;
  };

  const factProjection = (fact: string, plan: FactPlan) =>
    fill('fact', { fact, referenced: plan.referenced ? fill('fact-referenced-entities', { fact }) : '[]' });

  const list = (entity: string, nested: NestedList): string => {
    if (nested.kind === 'facts') {
      const fact = fresh('f');
      return fill('facts', { entity, fact, types: param(nested.types), limit: param(nested.first), factProjection: factProjection(fact, nested.fact) });
    }
    const [relation, from, to, fact] = [fresh('r'), fresh('s'), fresh('t'), fresh('f')];
    const q = nested.query;
    return fill('relations', {
      entity,
      relation,
      from,
      to,
      after: param(q.after),
      types: param(q.types),
      direction: param(q.direction),
      limit: param(q.first + 1),
      fromProjection: projection(from, nested.from),
      toProjection: projection(to, nested.to),
      factOfRelation: nested.fact ? fill('fact-of-relation', { fact, relation, factProjection: factProjection(fact, nested.fact) }) : 'null',
    });
  };

  const projection = (entity: string, plan: EntityTreePlan): string =>
    fill('entity', { entity, nested: plan.nested.map((n) => `, \`~${n.key}\`: ${list(entity, n)}`).join('') });

  const entity = fresh('e');
  return { text: fill('root', { entity, projection: projection(entity, plan) }), params };
}

/** True when the plan nests at least one list: only then is the tree statement worth more than a lookup. */
export function hasNestedLists(plan: EntityTreePlan): boolean {
  return plan.nested.length > 0;
}

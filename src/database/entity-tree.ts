/**
 * One entity and the lists nested under it (relations, facts, recursively), fetched by ONE statement shaped by
 * the request's selection: the statement is assembled from the fragments in cypher/read/entity-tree, each
 * nested list a COLLECT subquery in its parent's map projection. This is what makes a nested GraphQL query
 * one database round trip per root field instead of one per nesting level.
 */
import { FRAGMENT_FILES, fillTemplate, readTemplate, type FragmentFile, type Slots } from './statements.ts';
import type { FactsQuery, RelationQuery } from './queries.ts';

/** Above every id (see repository.ts idBounds). */
const ID_CEILING = '\uffff';

/** A backward page reads its list in reverse (the repository's toPage turns it back). */
const order = (backward: boolean) => (backward ? 'DESC' : 'ASC');

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

/** The tree reads visible facts only (includeRetracted goes to the loaders). */
export interface FactsList extends Omit<FactsQuery, 'includeRetracted'> {
  kind: 'facts';
  key: string;
  fact: FactPlan;
}

/**
 * What of a fact the selection reaches: its lists are fetched only when asked for, and so are the entities it
 * refers to (returned for the request's entity cache).
 */
export interface FactPlan {
  /** The fact's own lists. */
  lists: { quantities: boolean; citations: boolean; participants: boolean };
  /** subject, object, event, participants. */
  participants: boolean;
  /** citations' document, saidBy, reportedBy. */
  sources: boolean;
  /** quantities' item. */
  items: boolean;
}

export interface CompiledTree {
  text: string;
  params: Record<string, unknown>;
  /** The statement's `lists` key holding each nested list's items, by owner id. */
  listKeys: Map<NestedList, string>;
}

/** The fragments under cypher/read/entity-tree this compiler assembles statements from. */
export const FRAGMENT_NAMES = [
  'root',
  'level-relations',
  'level-entities',
  'level-endpoints',
  'level-relation-facts',
  'level-facts',
  'fact-participant-entities',
  'fact-citation-entities',
  'fact-quantity-items',
  'fact-record',
] as const;
type FragmentName = (typeof FRAGMENT_NAMES)[number];

const FRAGMENTS = new Map<FragmentName | FragmentFile, string>([
  ...FRAGMENT_NAMES.map((name) => [name, readTemplate(`read/entity-tree/${name}`)] as const),
  ...FRAGMENT_FILES.map((name) => [name, readTemplate(name)] as const),
]);

/** A fragment with its `{{slot}}`s filled with variable names and fragments made here (request values are parameters). */
function fill(name: FragmentName | FragmentFile, slots: Slots = {}): string {
  return fillTemplate(FRAGMENTS.get(name)!, slots, name);
}

/**
 * The fact projection shared with the read statements (cypher/read/fragments), with only the lists the plan
 * asks for, as `fact`; `factRecord` adds the entities the fact refers to when the plan reaches them.
 */
function factSlots(plan: FactPlan): { factProjection: string; factRecord: string } {
  const { lists } = plan;
  const factProjection = fill('read/fragments/fact-projection', {
    quantities: lists.quantities ? fill('read/fragments/fact-quantities') : '[]',
    citations: lists.citations ? fill('read/fragments/fact-citations') : '[]',
    participants: lists.participants ? fill('read/fragments/fact-participants') : '[]',
  });
  const parts: FragmentName[] = [];
  if (plan.participants) parts.push('fact-participant-entities');
  if (plan.sources) parts.push('fact-citation-entities');
  if (plan.items) parts.push('fact-quantity-items');
  const factRecord = parts.length ? fill('fact-record', { referenced: parts.map((part) => fill(part)).join(' + ') }) : 'fact';
  return { factProjection, factRecord };
}

/**
 * The statement and parameters for `entity(id)` with `plan` under it: one CALL per nested list, each over the
 * distinct owners the level above reached. Same plan shape, same text.
 */
export function compileEntityTree(id: string, plan: EntityTreePlan): CompiledTree {
  const params: Record<string, unknown> = { id };
  const levels: string[] = [];
  const listKeys = new Map<NestedList, string>();
  const entityLists: string[] = [];
  const factLists: string[] = [];
  let counter = 0;
  const fresh = (prefix: string) => `${prefix}${counter++}`;
  const param = (value: unknown) => {
    const name = `p${Object.keys(params).length}`;
    params[name] = value;
    return name;
  };

  const visit = (owners: string, entityPlan: EntityTreePlan) => {
    for (const nested of entityPlan.nested) {
      const items = fresh('items');
      listKeys.set(nested, items);
      if (nested.kind === 'facts') {
        const { after, before, size, backward } = nested.window;
        const bounds = { afterRank: param(after?.rank ?? -1), afterId: param(after?.id ?? ''), beforeRank: param(before?.rank ?? 2), beforeId: param(before?.id ?? '') };
        levels.push(fill('level-facts', { owners, items, types: param(nested.types), ...bounds, limit: param(size + 1), order: order(backward), ...factSlots(nested.fact) }));
        continue;
      }
      const [relations, entities] = [fresh('relations'), fresh('entities')];
      const { types, direction, window } = nested.query;
      const bounds = { after: param(window.after ?? ''), before: param(window.before ?? ID_CEILING), limit: param(window.size + 1), order: order(window.backward) };
      levels.push(
        fill('level-relations', { owners, items, relations, ...bounds, types: param(types), direction: param(direction) }),
        fill('level-entities', { relations, entities }),
      );
      entityLists.push(entities);
      if (nested.fact) {
        const facts = fresh('facts');
        levels.push(fill('level-relation-facts', { relations, facts, ...factSlots(nested.fact) }));
        factLists.push(facts);
      }
      for (const [side, sidePlan] of [['startNode', nested.from], ['endNode', nested.to]] as const) {
        if (sidePlan.nested.length === 0) continue;
        const next = fresh('owners');
        levels.push(fill('level-endpoints', { relations, side, owners: next }));
        visit(next, sidePlan);
      }
    }
  };

  const [entity, owners] = [fresh('e'), fresh('owners')];
  visit(owners, plan);
  const text = fill('root', {
    entity,
    owners,
    levels: levels.join('\n'),
    lists: [...listKeys.values()].map((key) => `${key}: ${key}`).join(', '),
    entities: entityLists.length ? entityLists.join(' + ') : '[]',
    facts: factLists.length ? factLists.join(' + ') : '[]',
  });
  return { text, params, listKeys };
}

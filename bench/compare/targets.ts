/**
 * What each operation is asked at a given graph size: a fixed, deterministic set of inputs drawn from the
 * loaded graph (the biggest hubs, then entities spread evenly over the id order), rotated request by request,
 * so a run measures lookups across the degree distribution and not one cached answer.
 * These statements belong to the benchmark, not the app (the app's are in cypher/).
 */
import type { Driver } from 'neo4j-driver';
import type { OperationName, Variables } from '../peer/operations.ts';

export type Targets = Record<OperationName, Variables[]>;

/** The synthetic generator's shared entities (`org-00042`, …); the rank-1 id of each kind is its biggest hub. */
const SHARED_ENTITY_IDS = `
MATCH (e:Entity)
WHERE e.id =~ '(org|person|product|place|facility|concept)-[0-9]+'
RETURN e.id AS id, e.name AS name
ORDER BY e.id`;

const HUBS = ['org-00001', 'product-00001', 'person-00001', 'place-00001'];

export async function chooseTargets(driver: Driver, database: string, count = 16): Promise<Targets> {
  const { records } = await driver.executeQuery(SHARED_ENTITY_IDS, {}, { database });
  const all = records.map((r) => ({ id: String(r.get('id')), name: String(r.get('name')) }));
  if (all.length < count) throw new Error(`The graph has ${all.length} synthetic entities; at least ${count} are needed`);
  const byId = new Map(all.map((e) => [e.id, e]));
  const hubs = HUBS.flatMap((id) => byId.get(id) ?? []);
  const rest = all.filter((e) => !HUBS.includes(e.id));
  const step = rest.length / (count - hubs.length);
  const chosen = [...hubs, ...Array.from({ length: count - hubs.length }, (_, i) => rest[Math.floor(i * step + step / 2)]!)];
  const ids = chosen.map((e) => ({ id: e.id }));
  return {
    EntityLookup: ids,
    Search: chosen.map((e) => ({ text: e.name })),
    Neighborhood: ids,
    // Pairs across the sample, hubs included: in a power-law graph most are within 4 hops.
    ShortestPath: chosen.map((e, i) => ({ from: e.id, to: chosen[(i + 5) % chosen.length]!.id })),
    Nested: ids,
  };
}

/** Totals of the loaded graph, as the API counts them. */
export async function graphTotals(driver: Driver, database: string): Promise<{ entities: number; relations: number; facts: number }> {
  const count = async (cypher: string) => Number((await driver.executeQuery(cypher, {}, { database })).records[0]!.get('n'));
  return {
    entities: await count('MATCH (e:Entity) RETURN count(e) AS n'),
    relations: await count('MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n'),
    facts: await count('MATCH (f:Fact) RETURN count(f) AS n'),
  };
}

export async function neo4jVersion(driver: Driver, database: string): Promise<string> {
  const { records } = await driver.executeQuery('CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS v, edition', {}, { database });
  return `${String(records[0]?.get('v'))} ${String(records[0]?.get('edition'))}`;
}

/**
 * An example app on the typed client: the three questions a reader of the article asks, each answered with
 * the generated documents. Everything here is typed by the operations; nothing is cast.
 */
import { pathToFileURL } from 'node:url';
import { createClient, type Client, type ClientOptions } from '../src/client.ts';
import { PathBetweenDocument, RelationNumbersDocument, WhoOwnsDocument } from '../generated/graphql.ts';

export interface Owner {
  owner: string;
  /** Why: the fact's statement and the quotes that back it, with who said and who relayed each. */
  statement: string;
  citations: { quote: string; saidBy: string; reportedBy: string | null; document: string }[];
}

/** Who owns the entity, and why. Null when there is no such entity. */
export async function whoOwns(client: Client, id: string): Promise<{ name: string; owners: Owner[] } | null> {
  const { entity } = await client.query(WhoOwnsDocument, { id });
  if (!entity) return null;
  return {
    name: entity.name,
    owners: entity.relations.nodes.map(({ from, fact }) => ({
      owner: from.name,
      statement: fact.statement,
      citations: fact.citations.map((c) => ({ quote: c.quote, saidBy: c.saidBy.name, reportedBy: c.reportedBy?.name ?? null, document: c.document.name })),
    })),
  };
}

export interface RelationWithNumbers {
  relation: string;
  type: string;
  label: string;
  from: string;
  to: string;
  statement: string;
  numbers: { value: number | null; unit: string | null; currency: string | null; item: string | null; role: string; text: string | null }[];
}

/** Every relation of the entity that states a number (every page of the connection), with those numbers. */
export async function relationsWithNumbers(client: Client, id: string, pageSize = 50): Promise<RelationWithNumbers[]> {
  const found: RelationWithNumbers[] = [];
  let after: string | null | undefined;
  do {
    const { entity } = await client.query(RelationNumbersDocument, { id, first: pageSize, after });
    if (!entity) return found;
    for (const r of entity.relations.nodes) {
      if (r.fact.quantities.length === 0) continue;
      found.push({
        relation: r.id,
        type: r.type,
        label: r.label,
        from: r.from.name,
        to: r.to.name,
        statement: r.fact.statement,
        numbers: r.fact.quantities.map((q) => ({ value: q.value ?? null, unit: q.unit ?? null, currency: q.money?.currency ?? null, item: q.item?.name ?? null, role: q.role, text: q.text ?? null })),
      });
    }
    after = entity.relations.pageInfo.hasNextPage ? entity.relations.pageInfo.endCursor : undefined;
  } while (after);
  return found;
}

/** The shortest path between two entities, as names and relation types: `Elon Musk -FOUNDED- xAI -OWNS- Grok`. */
export async function pathBetween(client: Client, from: string, to: string): Promise<{ length: number; steps: string[]; entities: string[] } | null> {
  const { path } = await client.query(PathBetweenDocument, { from, to });
  if (!path) return null;
  const steps = path.elements.map((e) => (e.__typename === 'Relation' ? e.type : e.name));
  return { length: path.length, steps, entities: path.nodes.map((n) => n.id) };
}

/** The app's entry point: `tsx clients/typescript/example/relation-lookups.ts http://localhost:4000/graphql`. */
export async function main(options: ClientOptions): Promise<void> {
  const client = createClient(options);
  console.log(JSON.stringify(await whoOwns(client, 'grok'), null, 2));
  console.log(JSON.stringify(await relationsWithNumbers(client, 'tesla'), null, 2));
  console.log(JSON.stringify(await pathBetween(client, 'elon-musk', 'grok'), null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main({ url: process.argv[2] ?? 'http://localhost:4000/graphql', key: process.env.KG_API_KEY });
}

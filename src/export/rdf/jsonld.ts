/**
 * JSON-LD: a `@graph` of node objects, one per subject of an item's triples (the one triple mapping), with a
 * context of prefixes only, so any JSON-LD processor expands it to exactly the N-Triples export's triples.
 * Literals keep their lexical form (`@value` strings with `@type`), never JSON numbers a processor would recast.
 */
import type { ExportStream } from '../records.ts';
import { RDF_PARTS } from './ntriples.ts';
import { DataIris, TripleMapper, type RdfObject, type Triple } from './triples.ts';
import { DEFAULT_BASE_IRI, NAMESPACES } from './vocabulary.ts';

export async function* writeJsonLd(stream: ExportStream, options: { baseIri?: string } = {}): AsyncGenerator<string> {
  const mapper = new TripleMapper(new DataIris(options.baseIri ?? DEFAULT_BASE_IRI), stream.header);
  yield `{\n  "@context": ${JSON.stringify(NAMESPACES)},\n  "@graph": [`;
  let first = true;
  for await (const item of stream.items(RDF_PARTS)) {
    for (const node of nodesOf(mapper.triples(item))) {
      yield `${first ? '' : ','}\n    ${JSON.stringify(node)}`;
      first = false;
    }
  }
  yield `${first ? '' : '\n  '}]\n}\n`;
}

type NodeObject = Record<string, unknown> & { '@id': string };

/** Triples grouped by subject (in first-seen order), properties by predicate. */
function nodesOf(triples: readonly Triple[]): NodeObject[] {
  const nodes = new Map<string, NodeObject>();
  for (const { subject, predicate, object } of triples) {
    let node = nodes.get(subject);
    if (!node) nodes.set(subject, (node = { '@id': subject }));
    const key = predicate === 'rdf:type' ? '@type' : predicate;
    const value = key === '@type' && 'term' in object ? object.term : valueOf(object);
    ((node[key] as unknown[] | undefined) ?? (node[key] = [])).push(value);
  }
  return [...nodes.values()];
}

function valueOf(object: RdfObject): unknown {
  if ('iri' in object) return { '@id': object.iri };
  if ('term' in object) return { '@id': object.term };
  if (object.language) return { '@value': object.value, '@language': object.language };
  if (object.datatype) return { '@value': object.value, '@type': object.datatype };
  return object.value;
}

/** N-Triples, written by the n3 library's writer (its escaping and term syntax), from the one triple mapping. */
import { DataFactory, Writer } from 'n3';
import type { ExportStream } from '../records.ts';
import { DataIris, TripleMapper, type RdfObject } from './triples.ts';
import { DEFAULT_BASE_IRI, expand } from './vocabulary.ts';

export const RDF_PARTS = { entities: true, facts: true, relations: false } as const;

const { namedNode, literal } = DataFactory;

export async function* writeNTriples(stream: ExportStream, options: { baseIri?: string } = {}): AsyncGenerator<string> {
  const mapper = new TripleMapper(new DataIris(options.baseIri ?? DEFAULT_BASE_IRI), stream.header);
  const writer = new Writer({ format: 'N-Triples' });
  for await (const item of stream.items(RDF_PARTS)) {
    yield mapper
      .triples(item)
      .map((t) => writer.quadToString(namedNode(t.subject), namedNode(expand(t.predicate)), term(t.object)))
      .join('');
  }
}

function term(object: RdfObject) {
  if ('iri' in object) return namedNode(object.iri);
  if ('term' in object) return namedNode(expand(object.term));
  return literal(object.value, object.language ?? (object.datatype ? namedNode(expand(object.datatype)) : undefined));
}

/**
 * The export formats: each one's media type, file extension, the parts of the record stream it reads and its
 * streaming writer. The CLI (src/cli/kg.ts) and GET /entities/{id} (src/http/entity-route.ts) both go through
 * `exportText`, so a format is written one way whatever asks for it.
 */
import { chunked } from './chunks.ts';
import { csvParts, writeCsv, type CsvTable } from './csv.ts';
import { GRAPHML_PARTS, writeGraphml } from './graphml.ts';
import { JSON_PARTS, writeJson } from './json.ts';
import { RDF_PARTS, writeNTriples } from './rdf/ntriples.ts';
import { writeJsonLd } from './rdf/jsonld.ts';
import type { ExportItem, ExportParts, ExportStream } from './records.ts';

export const EXPORT_FORMATS = ['json', 'jsonld', 'ntriples', 'graphml', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface WriteOptions {
  /** Where the RDF formats' IRIs of entities and facts live (DEFAULT_BASE_IRI). */
  baseIri?: string;
  /** CSV only: which table (CSV_TABLES); the CLI writes both into a folder when none is given. */
  table?: CsvTable;
}

export const FORMATS = {
  json: { mediaType: 'application/json', extension: '.kg.json', parts: () => JSON_PARTS, write: (s) => writeJson(s) },
  jsonld: { mediaType: 'application/ld+json', extension: '.jsonld', parts: () => RDF_PARTS, write: (s, o) => writeJsonLd(s, o) },
  ntriples: { mediaType: 'application/n-triples', extension: '.nt', parts: () => RDF_PARTS, write: (s, o) => writeNTriples(s, o) },
  graphml: { mediaType: 'application/graphml+xml', extension: '.graphml', parts: () => GRAPHML_PARTS, write: (s) => writeGraphml(s) },
  csv: { mediaType: 'text/csv', extension: '.csv', parts: (o) => csvParts(o.table ?? 'relations'), write: (s, o) => writeCsv(s, o.table ?? 'relations') },
} as const satisfies Record<ExportFormat, {
  mediaType: string;
  extension: string;
  parts: (options: WriteOptions) => ExportParts;
  write: (stream: ExportStream, options: WriteOptions) => AsyncIterable<string>;
}>;

/** The export as text chunks of about 64 KiB; `onItem` is called for each item read (progress bars). */
export function exportText(format: ExportFormat, stream: ExportStream, options: WriteOptions = {}, onItem?: (item: ExportItem) => void): AsyncIterable<string> {
  const counted: ExportStream = onItem
    ? {
        ...stream,
        async *items(parts) {
          for await (const item of stream.items(parts)) {
            onItem(item);
            yield item;
          }
        },
      }
    : stream;
  return chunked(FORMATS[format].write(counted, options));
}

/** Items the format will read from the stream, for a progress bar's total. */
export function exportTotal(format: ExportFormat, stream: ExportStream, options: WriteOptions = {}): Promise<number> {
  return stream.total(FORMATS[format].parts(options));
}

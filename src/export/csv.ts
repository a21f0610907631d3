/**
 * CSV (RFC 4180: comma-separated, CRLF line ends, a header row, fields with a comma, a quote or a line break in
 * double quotes, quotes doubled): an entities table and a relations table, written as two files into a folder
 * or one of them alone.
 */
import type { EntityEntry } from '../knowledge/knowledge-file.ts';
import { aliasesText } from './graphml.ts';
import type { ExportParts, ExportRelation, ExportStream } from './records.ts';

export const CSV_TABLES = ['entities', 'relations'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

const COLUMNS = {
  entities: {
    parts: { entities: true, facts: false, relations: false },
    header: ['id', 'kind', 'name', 'description', 'aliases', 'background', 'published', 'published_precision'],
    row: (e: EntityEntry) => [e.id, e.kind, e.name, e.description, aliasesText(e), String(e.background ?? false), e.published?.value ?? '', e.published?.precision ?? ''],
  },
  relations: {
    parts: { entities: false, facts: false, relations: true },
    header: ['id', 'type', 'from', 'to', 'fact', 'label'],
    row: (r: ExportRelation) => [r.id, r.type, r.from, r.to, r.factId, r.label],
  },
} as const satisfies Record<CsvTable, { parts: ExportParts; header: readonly string[]; row: (x: never) => string[] }>;

export function csvParts(table: CsvTable): ExportParts {
  return COLUMNS[table].parts;
}

export async function* writeCsv(stream: ExportStream, table: CsvTable): AsyncGenerator<string> {
  yield line(COLUMNS[table].header);
  for await (const item of stream.items(COLUMNS[table].parts)) {
    if (item.kind === 'entity' && table === 'entities') yield line(COLUMNS.entities.row(item.entity));
    else if (item.kind === 'relation' && table === 'relations') yield line(COLUMNS.relations.row(item.relation));
  }
}

function line(fields: readonly string[]): string {
  return `${fields.map(field).join(',')}\r\n`;
}

export function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Exports of the current graph, or of an entity's neighbourhood, in five formats (README "Exports"). */
export { CSV_TABLES, type CsvTable } from './csv.ts';
export { EXPORT_FORMATS, exportText, exportTotal, FORMATS, type ExportFormat, type WriteOptions } from './formats.ts';
export { writeSourceTexts } from './json.ts';
export { graphExport, neighborhoodExport, EXPORT_PAGE_SIZE } from './read-graph.ts';
export { DEFAULT_BASE_IRI } from './rdf/vocabulary.ts';
export type { ExportHeader, ExportItem, ExportStream } from './records.ts';

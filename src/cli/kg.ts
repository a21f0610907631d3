/**
 * `npm run kg -- export --format json|jsonld|ntriples|graphml|csv [--entity ID [--depth N]] [--out PATH]`:
 * exports the current graph (or an entity's neighbourhood) from the Neo4j NEO4J_URI names, or the local one,
 * started for the occasion. The export streams page by page to stdout or to --out; a progress bar goes to stderr
 * when it is a terminal, or with --progress. Bad arguments: a message, the usage, exit code 2.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { pino } from 'pino';
import type { Config } from '../config/config.ts';
import { configOrExit } from './config-or-exit.ts';
import type { Database } from '../database/database.ts';
import {
  CSV_TABLES,
  EXPORT_FORMATS,
  exportText,
  exportTotal,
  FORMATS,
  graphExport,
  neighborhoodExport,
  writeSourceTexts,
  type CsvTable,
  type ExportFormat,
  type ExportStream,
} from '../export/index.ts';
import { withDatabase } from './with-database.ts';

const usage = (maxDepth: number) => `Usage:
  npm run kg -- export --format <${EXPORT_FORMATS.join('|')}> [--entity <id> [--depth <1-${maxDepth}>]] [--out <path>]
                       [--table <${CSV_TABLES.join('|')}>] [--base-iri <iri>] [--progress]
  --out absent: stdout. json: the texts of the sources go beside the file (sources/), not to stdout.
  csv: --out <folder> gets entities.csv and relations.csv; --table writes one table (to stdout or --out).`;

interface ExportCommand {
  format: ExportFormat;
  entity: string | null;
  depth: number;
  out: string | null;
  table: CsvTable | null;
  baseIri: string | undefined;
  progress: boolean;
}

class UsageError extends Error {}

/** Set when the reader of stdout went away (EPIPE). */
let stdoutClosed = false;

function parseExportCommand(args: string[], maxDepth: number): ExportCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        entity: { type: 'string' },
        depth: { type: 'string' },
        out: { type: 'string' },
        table: { type: 'string' },
        'base-iri': { type: 'string' },
        progress: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [command, ...rest] = parsed.positionals;
  if (command !== 'export') throw new UsageError(command ? `Unknown command ${JSON.stringify(command)}: the command is export.` : 'No command given: the command is export.');
  if (rest.length > 0) throw new UsageError(`export takes no positional arguments (got ${rest.join(' ')}).`);
  const v = parsed.values;
  if (!v.format || !(EXPORT_FORMATS as readonly string[]).includes(v.format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}${v.format ? `, not ${JSON.stringify(v.format)}` : ''}.`);
  const format = v.format as ExportFormat;
  if (v.depth !== undefined && v.entity === undefined) throw new UsageError('--depth goes with --entity: the depth of the neighbourhood around it.');
  const depth = v.depth === undefined ? 1 : Number(v.depth);
  if (!Number.isInteger(depth) || depth < 1 || depth > maxDepth) throw new UsageError(`--depth must be a whole number from 1 to ${maxDepth} (MAX_NEIGHBORHOOD_DEPTH), not ${JSON.stringify(v.depth)}.`);
  if (v.table !== undefined && format !== 'csv') throw new UsageError('--table goes with --format csv only.');
  if (v.table !== undefined && !(CSV_TABLES as readonly string[]).includes(v.table)) throw new UsageError(`--table must be one of ${CSV_TABLES.join(', ')}, not ${JSON.stringify(v.table)}.`);
  if (format === 'csv' && v.table === undefined && v.out === undefined) throw new UsageError('csv needs --out <folder> (for entities.csv and relations.csv) or --table to write one table to stdout.');
  if (v['base-iri'] !== undefined && !/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*[/#:]$/i.test(v['base-iri'])) throw new UsageError('--base-iri must be an absolute IRI ending in /, # or : (such as https://example.org/kg/).');
  if (v.entity !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v.entity)) throw new UsageError(`--entity must be an entity id (lower-case letters and digits joined by dashes, such as elon-musk), not ${JSON.stringify(v.entity)}.`);
  return { format, entity: v.entity ?? null, depth, out: v.out ?? null, table: (v.table as CsvTable | undefined) ?? null, baseIri: v['base-iri'], progress: v.progress ?? false };
}

/** Runs the export; returns the exit code. */
async function runExport(db: Database, config: Config, command: ExportCommand): Promise<number> {
  const stream = command.entity === null ? await graphExport(db) : await neighborhoodExport(db, command.entity, command.depth, config.limits.maxNeighborhoodNodes);
  if (!stream) {
    console.error(`No entity with id ${JSON.stringify(command.entity)}.`);
    return 1;
  }
  if (stream.header.truncated) console.error(`The neighbourhood was cut at MAX_NEIGHBORHOOD_NODES (${config.limits.maxNeighborhoodNodes}) entities or its edge bound: the export is partial.`);
  const options = { baseIri: command.baseIri };
  if (command.format === 'csv' && command.table === null) {
    const dir = command.out!;
    await mkdir(dir, { recursive: true });
    for (const table of CSV_TABLES) await writeOne(stream, 'csv', { ...options, table }, path.join(dir, `${table}.csv`), command.progress);
    return 0;
  }
  const target = command.out === null ? null : fileOf(command.out, stream.header.id, FORMATS[command.format].extension);
  await writeOne(stream, command.format, { ...options, table: command.table ?? undefined }, target, command.progress);
  if (command.format === 'json') {
    if (target === null) console.error('The sources\' texts were not written (stdout holds the JSON alone): give --out to write them beside the file.');
    else await writeSourceTexts(db, stream.header, path.dirname(target));
  }
  return 0;
}

/** `--out` names a file, or a folder (existing, or ending in /) that gets `<export id><extension>`. */
function fileOf(out: string, id: string, extension: string): string {
  const isDir = out.endsWith('/') || out.endsWith(path.sep) || (existsSync(out) && statSync(out).isDirectory());
  return isDir ? path.join(out, `${id}${extension}`) : out;
}

async function writeOne(stream: ExportStream, format: ExportFormat, options: { baseIri?: string; table?: CsvTable }, file: string | null, progress: boolean): Promise<void> {
  const showBar = progress || process.stderr.isTTY;
  const bar = showBar ? new SingleBar({ format: `  ${file ? path.basename(file) : format} [{bar}] {value}/{total} items {duration_formatted}`, hideCursor: true, noTTYOutput: true, notTTYSchedule: 2_000, stream: process.stderr }) : null;
  if (bar) bar.start(await exportTotal(format, stream, options), 0);
  let items = 0;
  if (file) await mkdir(path.dirname(file), { recursive: true });
  const out: Writable = file ? createWriteStream(file) : process.stdout;
  try {
    for await (const chunk of exportText(format, stream, options, bar ? () => void bar.update(++items) : undefined)) {
      if (stdoutClosed && !file) break;
      if (!out.write(chunk)) await once(out, 'drain').catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
      });
    }
  } finally {
    bar?.stop();
    if (file) {
      out.end();
      await once(out, 'finish');
    }
  }
}

async function main(): Promise<number> {
  // `npm run kg -- export … | head`: a reader that stops early ends the export (cleanly: the local Neo4j is stopped).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
  const config = configOrExit();
  let command: ExportCommand;
  try {
    command = parseExportCommand(process.argv.slice(2), config.limits.maxNeighborhoodDepth);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${usage(config.limits.maxNeighborhoodDepth)}`);
    return 2;
  }
  // Logs go to stderr: stdout is the export.
  const log = pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel, base: { service: 'kg-graphql-server' } }, pino.destination(2));
  return withDatabase(config, log, (db) => runExport(db, config, command));
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);

/**
 * neo4j-admin's offline importer on the local Neo4j's store (the same Maven classpath and layout as
 * local-neo4j.ts): `database import full --overwrite-destination` of database `neo4j` from CSV files. Neo4j must
 * be stopped. The database it replaces is kept aside until the import has succeeded (previous-database.ts), so a
 * failure leaves the store as it was; it is a BulkImportError carrying the importer's own report lines.
 */
import { spawn } from 'node:child_process';
import { availableParallelism, totalmem } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, type LocalNeo4jSettings } from '../config/config.ts';
import type { Logger } from '../logging/logger.ts';
import { resolveRuntime } from './runtime.ts';
import { layoutOf, prepareLocalLayout } from './local-neo4j.ts';
import { databaseHoldsData, replaceKeepingPrevious } from './previous-database.ts';

const DATABASE = 'neo4j';

export interface CsvGroupInput {
  /** `Entity:Person` (labels) for nodes, the type for relationships. */
  name: string;
  file: string;
  multiline: boolean;
}

export interface BulkImportInput {
  nodes: readonly CsvGroupInput[];
  relationships: readonly CsvGroupInput[];
  arrayDelimiter: string;
}

export class BulkImportError extends Error {
  override name = 'BulkImportError';
}

/** Runs the importer; resolves with its wall time in ms. */
export async function runBulkImport(settings: LocalNeo4jSettings, input: BulkImportInput, log: Logger): Promise<number> {
  const layout = await prepareLocalLayout(settings, log);
  const runtime = await resolveRuntime(path.join(PROJECT_ROOT, '.neo4j', 'runtime'), log);
  const multiline = [...input.nodes, ...input.relationships].filter((g) => g.multiline).map((g) => g.file);
  const args = [
    ...jvmOptions(),
    '-cp',
    runtime.classpath.join(path.delimiter),
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    // The database first: --nodes and --relationships take several files each, and would take it for one.
    DATABASE,
    '--verbose',
    '--overwrite-destination=true',
    '--id-type=integer',
    `--array-delimiter=U+${input.arrayDelimiter.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    `--threads=${importThreads()}`,
    `--max-off-heap-memory=${process.env.BULK_IMPORT_OFF_HEAP ?? '4G'}`,
    '--high-parallel-io=on',
    `--report-file=${path.join(layout.logs, 'import.report')}`,
    ...(multiline.length ? ['--multiline-fields-format=v2', `--multiline-fields=${multiline.join(',')}`] : []),
    ...input.nodes.map((g) => `--nodes=${g.name}=${g.file}`),
    ...input.relationships.map((g) => `--relationships=${g.name}=${g.file}`),
  ];
  const env = { ...process.env, NEO4J_HOME: layout.home, NEO4J_CONF: layout.conf };
  if (process.env.BULK_DEBUG) console.error(args.filter((a) => a.startsWith('--')).join('\n'));
  const started = Date.now();
  await replaceKeepingPrevious(layout.data, DATABASE, async () => {
    const { code, signal, output } = await runJava(args, env);
    if (code === 0) return;
    const lines = output.trim().split('\n').filter((l) => !l.includes(' -cp ')).slice(-30).join('\n');
    throw new BulkImportError(`neo4j-admin database import failed (${signal ? `killed by ${signal}` : `exit ${code}`}) in ${layout.home}; the database there is as it was before:\n${lines}`);
  });
  log.info({ ms: Date.now() - started }, 'neo4j-admin import done');
  return Date.now() - started;
}

/** Whether the local Neo4j's store holds a database (a store that an interrupted import left is undone first). */
export function localDatabaseHoldsData(settings: LocalNeo4jSettings): boolean {
  return databaseHoldsData(layoutOf(settings.dir).data, DATABASE);
}

/** Heap for the importer: it keeps its big structures off-heap, so a modest heap does. */
function jvmOptions(): string[] {
  const heap = process.env.BULK_IMPORT_HEAP ?? (totalmem() >= 8 * 2 ** 30 ? '2g' : '1g');
  return [`-Xmx${heap}`, `-Xms${heap}`, '-XX:+UseParallelGC', '--add-opens=java.base/java.nio=ALL-UNNAMED', '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED', '--add-opens=java.base/java.lang=ALL-UNNAMED', '--enable-native-access=ALL-UNNAMED'];
}

function importThreads(): number {
  return Number(process.env.BULK_IMPORT_THREADS ?? availableParallelism());
}

function runJava(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; signal: NodeJS.Signals | null; output: string }> {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  return new Promise((resolve, reject) => {
    const child = spawn(java, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-64 * 1024);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code: code ?? 1, signal, output }));
  });
}

/**
 * The breaking-change check: the schema the server serves (schema/*.graphql), printed and sorted, against the
 * committed snapshot (schema-snapshot/schema.graphql), compared by GraphQL Inspector. Any BREAKING change fails
 * with the list of changes; dangerous and safe ones are listed and pass. `--update` rewrites the snapshot.
 * The rule it enforces (docs/public-api.md, "Schema evolution"): nothing is removed or narrowed in the release that
 * deprecates it; a field is `@deprecated` first and removed in a later release, when the snapshot is rewritten.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildASTSchema, buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { mergeTypeDefs } from '@graphql-tools/merge';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { PROJECT_ROOT } from '../src/config/config.ts';
import { loadTypeDefs } from '../src/graphql/schema.ts';

export const SNAPSHOT_FILE = path.join(PROJECT_ROOT, 'schema-snapshot', 'schema.graphql');

/** The SDL files as one printed schema, types and fields in lexicographic order (so the snapshot diffs cleanly). */
export function printedSchema(typeDefs: readonly string[] = loadTypeDefs()): string {
  return `${printSchema(lexicographicSortSchema(buildASTSchema(mergeTypeDefs([...typeDefs]))))}\n`;
}

/** Every change from `before` to `after` (two printed schemas), breaking ones first. */
export async function schemaChanges(before: string, after: string): Promise<Change[]> {
  const order = [CriticalityLevel.Breaking, CriticalityLevel.Dangerous, CriticalityLevel.NonBreaking];
  const changes = await diff(buildSchema(before), buildSchema(after));
  return changes.sort((a, b) => order.indexOf(a.criticality.level) - order.indexOf(b.criticality.level));
}

export const isBreaking = (change: Change) => change.criticality.level === CriticalityLevel.Breaking;

const line = (change: Change) => `  ${change.criticality.level.padEnd(12)} ${change.path ?? '(schema)'}: ${change.message}`;

/** `--snapshot PATH` compares against another file (the tests' tampered copies). */
function snapshotFile(argv: readonly string[]): string {
  const at = argv.indexOf('--snapshot');
  return at >= 0 && argv[at + 1] ? path.resolve(argv[at + 1]!) : SNAPSHOT_FILE;
}

async function main(argv: readonly string[]) {
  const current = printedSchema();
  const file = snapshotFile(argv);
  if (argv.includes('--update')) {
    writeFileSync(file, current);
    console.log(`Wrote ${path.relative(PROJECT_ROOT, file)}.`);
    return;
  }
  const changes = await schemaChanges(readFileSync(file, 'utf8'), current);
  const breaking = changes.filter(isBreaking);
  if (changes.length > 0) console.log(`${changes.length} change(s) against ${path.relative(PROJECT_ROOT, file)}:\n${changes.map(line).join('\n')}`);
  if (breaking.length > 0) {
    console.error(
      `\n${breaking.length} breaking change(s). Deprecate first (\`@deprecated(reason: …)\`) and remove in a later release; ` +
        'when a break is decided, `npm run schema:snapshot` records it (docs/public-api.md, "Schema evolution").',
    );
    process.exit(1);
  }
  console.log(changes.length === 0 ? 'The schema equals its snapshot.' : 'No breaking change.');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));

/**
 * `npm run keys -- create --scope read|write|admin --name NAME | list | revoke ID`: manages the API keys in
 * Neo4j (the one NEO4J_URI names, or the local one, started for the occasion). `create` prints the new key
 * alone on its last line, once: only its hash is stored. Bad arguments: a message and exit code 2.
 */
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { ApiKeyStore, type ApiKeyInfo } from '../auth/api-key-store.ts';
import { SCOPES_IN_ORDER, type Scope } from '../auth/principal.ts';
import { configOrExit } from './config-or-exit.ts';
import { withDatabase } from './with-database.ts';

const USAGE = `Usage:
  npm run keys -- create --scope <${SCOPES_IN_ORDER.map((s) => s.toLowerCase()).join('|')}> --name <name>
  npm run keys -- list
  npm run keys -- revoke <id>`;

type Command = { name: 'create'; scope: Scope; keyName: string } | { name: 'list' } | { name: 'revoke'; id: string };

class UsageError extends Error {}

/** The command the arguments ask for; throws UsageError saying what is wrong. */
function parseCommand(args: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { scope: { type: 'string' }, name: { type: 'string' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [command, ...rest] = parsed.positionals;
  const { scope, name } = parsed.values;
  if (command === 'create') {
    const upper = scope?.toUpperCase();
    if (!upper || !SCOPES_IN_ORDER.includes(upper as Scope)) throw new UsageError(`create needs --scope with one of ${SCOPES_IN_ORDER.map((s) => s.toLowerCase()).join(', ')}${scope ? `, not ${JSON.stringify(scope)}` : ''}.`);
    if (!name?.trim()) throw new UsageError('create needs --name: who or what the key is for (it is recorded as the author of its writes).');
    if (rest.length > 0) throw new UsageError(`create takes no positional arguments (got ${rest.join(' ')}).`);
    return { name: 'create', scope: upper as Scope, keyName: name.trim() };
  }
  if (scope !== undefined || name !== undefined) throw new UsageError('--scope and --name go with create only.');
  if (command === 'list' && rest.length === 0) return { name: 'list' };
  if (command === 'revoke' && rest.length === 1 && /^[0-9a-f]{16}$/.test(rest[0]!)) return { name: 'revoke', id: rest[0]! };
  if (command === 'revoke') throw new UsageError('revoke needs one key id: 16 hex digits, as `list` shows (the part after kg_ in the key).');
  throw new UsageError(command ? `Unknown command ${JSON.stringify(command)} (or wrong arguments for it).` : 'No command given.');
}

async function run(command: Command, keys: ApiKeyStore): Promise<number> {
  if (command.name === 'create') {
    const created = await keys.create(command.scope, command.keyName);
    console.log(`Created key ${created.id} (${created.name}, scope ${created.scope}). Send it as \`Authorization: Bearer <key>\`; it is shown only this once:`);
    console.log(created.key);
    return 0;
  }
  if (command.name === 'list') {
    const all = await keys.list();
    console.log(table(all));
    return 0;
  }
  const revoked = await keys.revoke(command.id);
  if (!revoked) {
    console.error(`No key with id ${command.id}.`);
    return 1;
  }
  console.log(`Revoked key ${revoked.id} (${revoked.name}) at ${revoked.revokedAt}; servers refuse it within their key cache time (API_KEY_CACHE_MS).`);
  return 0;
}

function table(keys: ApiKeyInfo[]): string {
  const rows = [['id', 'name', 'scope', 'created', 'revoked'], ...keys.map((k) => [k.id, k.name, k.scope, k.createdAt, k.revokedAt ?? '-'])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n') + (keys.length === 0 ? '\n(no keys)' : '');
}

async function main(): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  const config = configOrExit();
  // Logs go to stderr: stdout is the command's answer (the key, on the last line).
  const log = pino({ level: config.logLevel, base: { service: 'kg-graphql-server' } }, pino.destination(2));
  return withDatabase(config, log, (db) => run(command, new ApiKeyStore(db)));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

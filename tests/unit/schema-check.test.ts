/**
 * The breaking-change check (scripts/schema-check.ts): GraphQL Inspector's verdicts on the real schema with one
 * change made, and the script's exit status on a snapshot that the schema has broken.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { Kind, parse, print, visit, type FieldDefinitionNode } from 'graphql';
import { isBreaking, printedSchema, schemaChanges } from '../../scripts/schema-check.ts';
import { PROJECT_ROOT } from '../../src/config/config.ts';

const current = printedSchema();

/** The current schema with `edit` applied to the field `type.field`. */
function withField(type: string, field: string, edit: (node: FieldDefinitionNode) => FieldDefinitionNode | null): string {
  let found = false;
  const document = visit(parse(current), {
    ObjectTypeDefinition(node) {
      if (node.name.value !== type) return undefined;
      const fields = (node.fields ?? []).flatMap((f) => {
        if (f.name.value !== field) return [f];
        found = true;
        const edited = edit(f);
        return edited ? [edited] : [];
      });
      return { ...node, fields };
    },
  });
  if (!found) throw new Error(`${type}.${field} is not in the schema`);
  return print(document);
}

const deprecated = (node: FieldDefinitionNode): FieldDefinitionNode => ({
  ...node,
  directives: [
    ...(node.directives ?? []),
    {
      kind: Kind.DIRECTIVE,
      name: { kind: Kind.NAME, value: 'deprecated' },
      arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'reason' }, value: { kind: Kind.STRING, value: 'Use something else.' } }],
    },
  ],
});

describe('breaking changes against the snapshot', () => {
  it('the schema against itself has no change', async () => {
    expect(await schemaChanges(current, current)).toEqual([]);
  });

  it('a removed field is breaking', async () => {
    const changes = await schemaChanges(current, withField('Fact', 'statement', () => null));
    expect(changes.filter(isBreaking).map((c) => c.path)).toEqual(['Fact.statement']);
  });

  it('deprecating a field is not breaking, and removing it after its deprecation still is', async () => {
    const deprecating = withField('Fact', 'statement', deprecated);
    expect((await schemaChanges(current, deprecating)).filter(isBreaking)).toEqual([]);
    // The release after: the deprecated field goes. Inspector reports it as breaking all the same, so the removal
    // is a decision recorded by rewriting the snapshot (`npm run schema:snapshot`), never a side effect.
    const removing = await schemaChanges(deprecating, withField('Fact', 'statement', () => null));
    expect(removing.filter(isBreaking).map((c) => c.path)).toEqual(['Fact.statement']);
  });

  it('a non-null field made nullable is breaking (readers relied on a value)', async () => {
    const nullable = (node: FieldDefinitionNode): FieldDefinitionNode =>
      node.type.kind === Kind.NON_NULL_TYPE ? { ...node, type: node.type.type } : node;
    expect((await schemaChanges(current, withField('Fact', 'statement', nullable))).filter(isBreaking)).toHaveLength(1);
  });
});

describe('npm run schema:check', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'schema-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (snapshot: string) =>
    promisify(execFile)('npx', ['tsx', 'scripts/schema-check.ts', '--snapshot', snapshot], { cwd: PROJECT_ROOT }).then(
      ({ stdout }) => ({ code: 0, out: stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }),
    );

  it('passes on the current schema and fails, naming the field, when the schema lost one of the snapshot', async () => {
    const same = path.join(dir, 'same.graphql');
    writeFileSync(same, current);
    expect(await run(same)).toMatchObject({ code: 0 });
    // A snapshot with a field the schema does not have: the schema removed it.
    const ahead = path.join(dir, 'ahead.graphql');
    writeFileSync(ahead, current.replace(/^type Fact implements[^{]*\{|^type Fact \{/m, (head) => `${head}\n  removedSinceTheSnapshot: String`));
    const failed = await run(ahead);
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('Fact.removedSinceTheSnapshot');
  });
});

/**
 * graphql-eslint on the SDL (eslint.config.js): zero findings on schema/*.graphql, and the configuration does
 * catch what it is there for (a missing description, a non-Relay connection argument list).
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/config.ts';

const eslint = new ESLint({ cwd: PROJECT_ROOT });
const findings = (results: ESLint.LintResult[]) => results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(PROJECT_ROOT.length + 1)}:${m.line} ${m.ruleId}: ${m.message}`));

describe('schema lint', () => {
  it('finds nothing in schema/*.graphql', async () => {
    const results = await eslint.lintFiles(['schema/*.graphql']);
    expect(results.length).toBeGreaterThan(5);
    expect(findings(results)).toEqual([]);
  });

  it('reports an undescribed field and argument, and a connection field without last/before', async () => {
    const sdl = [
      '"A test type."',
      'type LintProbe {',
      '  undescribed(first: Int): RelationConnection',
      '}',
    ].join('\n');
    const [result] = await eslint.lintText(sdl, { filePath: `${PROJECT_ROOT}/schema/lint-probe.graphql` });
    const rules = result!.messages.map((m) => m.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['@graphql-eslint/require-description', '@graphql-eslint/relay-arguments']));
  });
});

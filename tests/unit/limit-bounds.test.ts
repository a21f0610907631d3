/**
 * Every limit has one source of truth: the config accepts exactly what the statements can serve, and the code
 * enforces the configured value (tests/integration/nested-fields.test.ts checks that on the server).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, NEIGHBORHOOD_DEPTH_CEILING, PATH_DEPTH_CEILING } from '../../src/config/config.ts';
import { CYPHER_DIR } from '../../src/database/statements.ts';
import { neighborhoodDepth, pageSize, pathDepth } from '../../src/graphql/arguments.ts';
import { operationCost } from '../../src/graphql/limits/cost.ts';
import { loadTypeDefs } from '../../src/graphql/schema.ts';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';

const cypher = (name: string) => readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8');

describe('depth bounds', () => {
  it('are what the statements can do: one neighbourhood layer per CALL, the path statement\'s own bound', () => {
    const layers = [...cypher('read/neighborhood').matchAll(/\$depth >= (\d+)/g)].map((m) => Number(m[1]));
    expect(layers).toEqual(Array.from({ length: NEIGHBORHOOD_DEPTH_CEILING }, (_, i) => i + 1));
    const bounds = [...cypher('read/shortest-path').matchAll(/\*\.\.(\d+)/g)].map((m) => Number(m[1]));
    expect(bounds).toEqual([PATH_DEPTH_CEILING]);
  });

  it('are accepted by the config up to the ceiling, and refused just over it with the variable named', () => {
    const at = loadConfig({ MAX_NEIGHBORHOOD_DEPTH: String(NEIGHBORHOOD_DEPTH_CEILING), MAX_PATH_DEPTH: String(PATH_DEPTH_CEILING) }).limits;
    expect([at.maxNeighborhoodDepth, at.maxPathDepth]).toEqual([NEIGHBORHOOD_DEPTH_CEILING, PATH_DEPTH_CEILING]);
    expect(() => loadConfig({ MAX_NEIGHBORHOOD_DEPTH: String(NEIGHBORHOOD_DEPTH_CEILING + 1) })).toThrow(
      new RegExp(`MAX_NEIGHBORHOOD_DEPTH="${NEIGHBORHOOD_DEPTH_CEILING + 1}": must be at most ${NEIGHBORHOOD_DEPTH_CEILING}`),
    );
    expect(() => loadConfig({ MAX_PATH_DEPTH: String(PATH_DEPTH_CEILING + 1) })).toThrow(new RegExp(`MAX_PATH_DEPTH="${PATH_DEPTH_CEILING + 1}": must be at most ${PATH_DEPTH_CEILING}`));
  });

  it('are the configured values, not constants of the code', () => {
    const limits = loadConfig({ MAX_NEIGHBORHOOD_DEPTH: '2', MAX_PATH_DEPTH: '3', MAX_PAGE_SIZE: '7' }).limits;
    expect(neighborhoodDepth(2, limits)).toBe(2);
    expect(() => neighborhoodDepth(3, limits)).toThrow(/`depth`: must be between 1 and 2, got 3/);
    expect(pathDepth(3, limits)).toBe(3);
    expect(() => pathDepth(4, limits)).toThrow(/`maxDepth`: must be between 1 and 3, got 4/);
    expect(pageSize(7, limits.maxPageSize)).toBe(7);
    expect(() => pageSize(8, limits.maxPageSize)).toThrow(/`first`: must be between 1 and 7, got 8/);
  });
});

describe('the cost estimate', () => {
  const schema = buildSchema(loadTypeDefs().join('\n'));
  const cost = (query: string, env: Record<string, string>) =>
    operationCost({ schema, operation: parse(query).definitions[0] as OperationDefinitionNode, fragments: {}, variables: {}, limits: loadConfig(env).limits });
  const neighborhood = (depth: number) => `{ neighborhood(id: "x", depth: ${depth}) { nodes { id } } }`;
  const path = (maxDepth: number) => `{ path(from: "a", to: "b", maxDepth: ${maxDepth}) { nodes { id } } }`;

  it('costs depths as deep as the configured maxima, which are all the resolvers will run', () => {
    const shallow = { MAX_NEIGHBORHOOD_DEPTH: '2', MAX_PATH_DEPTH: '3' };
    expect(cost(neighborhood(3), shallow)).toBe(cost(neighborhood(2), shallow));
    expect(cost(neighborhood(3), {})).toBeGreaterThan(cost(neighborhood(2), {}));
    expect(cost(path(6), shallow)).toBe(cost(path(3), shallow));
    expect(cost(path(6), {})).toBeGreaterThan(cost(path(3), {}));
  });
});

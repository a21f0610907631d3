/**
 * The RAW side of the write benchmarks: each write through our write layer exactly as the mutation's resolver
 * calls it (src/graphql/resolvers/mutations.ts: the curator checks the input by the knowledge file's rules and
 * writes one revision in one transaction, then the written entity or fact is read back for the answer), with
 * no GraphQL, no HTTP and no authentication: the principal is the one the benchmark's key would give.
 */
import type { Principal } from '../../src/auth/principal.ts';
import { Curator, type Caller } from '../../src/curation/curator.ts';
import type { Database } from '../../src/database/database.ts';
import { KnowledgeGraphRepository } from '../../src/database/repository.ts';
import { OURS_WRITES, type WriteOperationName } from '../write-operations.ts';

export type RawWrite = (cell: string, i: number) => Promise<void>;

/** The principal of the benchmark's write key (bench/run.ts creates it with this name). */
const BENCH_WRITER: Principal = { kind: 'KEY', id: 'bench-raw-writer', name: 'bench-writer', scope: 'WRITE' };

/** The writes of one process: its curator and repository over `db`. */
export function rawWrites(db: Database): Record<WriteOperationName, RawWrite> {
  const curator = new Curator(db);
  const repository = new KnowledgeGraphRepository(db);
  const caller: Caller = { principal: BENCH_WRITER, idempotencyKey: null };
  // The very variables ours is sent, so both write the same thing.
  const variables = (op: WriteOperationName, cell: string, i: number) => OURS_WRITES[op].variables(cell, i) as Record<string, any>;
  const readBack = async (kind: 'fact' | 'entity', id: string) => {
    const found = kind === 'fact' ? await repository.factsByIds([id]) : await repository.entitiesByIds([id]);
    if (!found.get(id)) throw new Error(`The ${kind} ${id} just written cannot be read back`);
  };
  return {
    AssertFact: async (cell, i) => {
      const { result } = await curator.assertFact(variables('AssertFact', cell, i).input, caller);
      await readBack('fact', result.id);
    },
    RetractFact: async (cell, i) => {
      const { id, reason } = variables('RetractFact', cell, i) as { id: string; reason: string };
      const { result } = await curator.retractFact({ id, reason }, caller);
      await readBack('fact', result.id);
    },
    UpsertEntity: async (cell, i) => {
      const { result } = await curator.upsertEntity(variables('UpsertEntity', cell, i).input, caller);
      await readBack('entity', result.id);
    },
  };
}

/**
 * The RAW side of the write benchmarks: each write operation through our write layer (the same statements,
 * in the same one transaction, that the mutation's resolver has run), with no GraphQL and no HTTP, as the
 * principal the benchmark's key would be.
 */
import type { Database } from '../../src/database/database.ts';
import type { WriteOperationName } from '../write-operations.ts';

export type RawWrite = (db: Database, cell: string, i: number) => Promise<void>;

const pending: RawWrite = async () => {
  throw new Error('raw writes need the write layer');
};

export const RAW_WRITES: Record<WriteOperationName, RawWrite> = {
  AssertFact: pending,
  RetractFact: pending,
  UpsertEntity: pending,
};

/** The client module: createClient, the typed documents and their types, and possibleTypes for client caches. */
export * from './client.ts';
export * from '../generated/graphql.ts';
export { default as possibleTypesResult } from '../generated/possible-types.ts';
export type { PossibleTypesResultData } from '../generated/possible-types.ts';

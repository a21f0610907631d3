/**
 * The vocabulary: every enumeration and an entity's property list, each value with its description. It sits at
 * the bottom of src/ and imports nothing from the project (nor from Node), so the server, the loader, the
 * generators and the explorer's browser bundle all use it. `npm run codegen` writes the copies other tools need
 * (SDL enums and entity types, the knowledge JSON Schema's enums, codegen's mappers); tests/unit/vocabulary.test.ts
 * fails when one disagrees.
 */
import { ENTITY_KIND, SOURCE_KIND } from './entities.ts';
import type { Enumeration } from './enumeration.ts';
import { CITATION_KIND, COMPARATOR, FACT_ANCHOR_ROLE, FACT_STATUS, FACT_TYPE, MODALITY, PARTICIPANT_ROLE, QUANTITY_KIND, QUANTITY_ROLE, RELATION_TYPE } from './facts.ts';
import { TIME_PRECISION } from './time.ts';

export * from './entities.ts';
export * from './enumeration.ts';
export * from './facts.ts';
export * from './time.ts';

/** The enumerations of the knowledge file format (data/knowledge.schema.json `$defs`). */
export const KNOWLEDGE_ENUMERATIONS: readonly Enumeration[] = [
  ENTITY_KIND,
  MODALITY,
  FACT_STATUS,
  TIME_PRECISION,
  QUANTITY_KIND,
  COMPARATOR,
  QUANTITY_ROLE,
  CITATION_KIND,
  FACT_TYPE,
  PARTICIPANT_ROLE,
];

/**
 * The enumerations of the GraphQL API (schema/vocabulary.graphql): the format's, with the two the API derives from
 * them (source kinds after entity kinds, relation types last).
 */
export const GRAPHQL_ENUMERATIONS: readonly Enumeration[] = [ENTITY_KIND, SOURCE_KIND, ...KNOWLEDGE_ENUMERATIONS.filter((e) => e !== ENTITY_KIND), RELATION_TYPE];

/** Every enumeration, including those only the graph uses (FactAnchorRole). */
export const ENUMERATIONS: readonly Enumeration[] = [...new Set([...GRAPHQL_ENUMERATIONS, ...KNOWLEDGE_ENUMERATIONS, FACT_ANCHOR_ROLE])];

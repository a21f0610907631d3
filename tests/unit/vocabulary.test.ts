/**
 * The vocabulary (src/vocabulary) is the one source of every enumeration and of an entity's property list: each
 * copy that other tools read (the SDL and the resolvers, the knowledge JSON Schema, codegen's mappers, the Cypher
 * slots and the graph rows the loader writes) must agree with it, and the generated files must be fresh.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mergeTypeDefs } from '@graphql-tools/merge';
import { GraphQLEnumType, GraphQLInterfaceType, GraphQLObjectType, Kind, buildASTSchema, parse, type EnumTypeDefinitionNode, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { handWrittenSdl, renderCodegenConfig, renderEntityTypesSdl, renderKnowledgeSchema, renderVocabularySdl } from '../../scripts/vocabulary/copies.ts';
import { PROJECT_ROOT } from '../../src/config/config.ts';
import type { EntityRecord } from '../../src/database/records.ts';
import { toEntity } from '../../src/database/repository.ts';
import { loadStatements } from '../../src/database/statements.ts';
import { entityResolvers } from '../../src/graphql/resolvers/entities.ts';
import { loadTypeDefs } from '../../src/graphql/schema.ts';
import { toGraphRows } from '../../src/knowledge/graph-rows.ts';
import type { KnowledgeFile } from '../../src/knowledge/knowledge-file.ts';
import {
  ENTITY_KINDS,
  ENTITY_LABELS,
  ENTITY_PROPERTIES,
  ENTITY_TYPE_OF_KIND,
  ENTITY_UNREAD_PROPERTIES,
  ENUMERATIONS,
  FACT_TYPES,
  GRAPHQL_ENUMERATIONS,
  KNOWLEDGE_ENUMERATIONS,
  PARTICIPANT_ROLES,
  RELATION_TYPES,
  SOURCE_KIND,
  enumeration,
} from '../../src/vocabulary/index.ts';

const read = (relative: string) => readFileSync(path.join(PROJECT_ROOT, relative), 'utf8');
const schema: GraphQLSchema = buildASTSchema(mergeTypeDefs(loadTypeDefs()));
const sortedStrings = (values: Iterable<string>) => [...values].sort();

describe('the vocabulary module', () => {
  it('imports nothing from the project or from Node, so the explorer can bundle it', () => {
    const dir = path.join(PROJECT_ROOT, 'src/vocabulary');
    for (const name of readdirSync(dir)) {
      const imports = [...readFileSync(path.join(dir, name), 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
      for (const specifier of imports) expect(specifier, `${name} imports ${specifier}`).toMatch(/^\.\/[\w-]+\.ts$/);
    }
  });

  it('describes every enumeration and every value, names values in UPPER_SNAKE_CASE, each once', () => {
    for (const e of ENUMERATIONS) {
      expect(e.description, e.name).not.toBe('');
      expect(new Set(e.values).size, e.name).toBe(e.values.length);
      for (const value of e.values) expect(e.described[value as never], `${e.name}.${value}`).toMatch(/\S/);
    }
    expect(() => enumeration('Bad', 'bad', { lowerCase: 'x' })).toThrow(/UPPER_SNAKE_CASE/);
  });

  it('makes the relation types the fact types and participant roles, sorted, with no name in both', () => {
    expect(FACT_TYPES.filter((t) => (PARTICIPANT_ROLES as readonly string[]).includes(t))).toEqual([]);
    expect([...RELATION_TYPES]).toEqual(sortedStrings([...FACT_TYPES, ...PARTICIPANT_ROLES]));
  });
});

describe('the GraphQL schema', () => {
  it.each(GRAPHQL_ENUMERATIONS.map((e) => [e.name, e] as const))('has enum %s with the values and descriptions of the vocabulary', (name, e) => {
    const type = schema.getType(name);
    expect(type).toBeInstanceOf(GraphQLEnumType);
    const values = (type as GraphQLEnumType).getValues();
    expect(values.map((v) => v.name)).toEqual([...e.values]);
    expect(Object.fromEntries(values.map((v) => [v.name, v.description]))).toEqual(e.described);
    expect(type?.description).toBe(e.description);
  });

  it('describes every value of every enum (graphql-schema-linter asks for it)', () => {
    const enums = Object.values(schema.getTypeMap()).filter((t): t is GraphQLEnumType => t instanceof GraphQLEnumType && !t.name.startsWith('__'));
    for (const type of enums) for (const value of type.getValues()) expect(value.description, `${type.name}.${value.name}`).toMatch(/\S/);
  });

  it('has one object type per entity kind, implementing Entity, and Source for the source kinds only', () => {
    const implementations = (name: string) => schema.getImplementations(schema.getType(name) as GraphQLInterfaceType).objects.map((t) => t.name);
    expect(sortedStrings(implementations('Entity'))).toEqual(sortedStrings(ENTITY_LABELS));
    expect(sortedStrings(implementations('Source'))).toEqual(sortedStrings(SOURCE_KIND.values.map((k) => ENTITY_TYPE_OF_KIND[k])));
    for (const kind of ENTITY_KINDS) expect(schema.getType(ENTITY_TYPE_OF_KIND[kind])).toBeInstanceOf(GraphQLObjectType);
  });

  it('resolves each kind to its type, and gives every type the fields of the interface', () => {
    const resolveType = (entityResolvers.Entity as { __resolveType: (e: EntityRecord) => string }).__resolveType;
    const resolveSource = (entityResolvers.Source as { __resolveType: (e: EntityRecord) => string }).__resolveType;
    const record = (kind: (typeof ENTITY_KINDS)[number]) => ({ id: 'x', kind }) as EntityRecord;
    for (const kind of ENTITY_KINDS) {
      const type = ENTITY_TYPE_OF_KIND[kind];
      expect(resolveType(record(kind))).toBe(type);
      if (SOURCE_KIND.has(kind)) expect(resolveSource(record(kind))).toBe(type);
      else expect(() => resolveSource(record(kind))).toThrow(/not a source/);
      const resolvers = (entityResolvers as Record<string, Record<string, unknown> | undefined>)[type];
      expect(typeof resolvers?.relations, type).toBe('function');
      expect(typeof resolvers?.facts, type).toBe('function');
    }
  });
});

describe("the benchmark peer's type definitions (bench/peer, @neo4j/graphql: not generated, its own schema)", () => {
  it('list the entity kinds of the vocabulary', () => {
    const peer = parse(read('bench/peer/type-defs.graphql'));
    const kinds = peer.definitions.find((d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'EntityKind');
    expect(kinds?.values?.map((v) => v.name.value)).toEqual([...ENTITY_KINDS]);
  });
});

describe('the knowledge JSON Schema', () => {
  const knowledgeSchema = JSON.parse(read('data/knowledge.schema.json')) as { $defs: Record<string, { enum?: unknown[] }> };

  it.each(KNOWLEDGE_ENUMERATIONS.map((e) => [e.name, e] as const))('has enum %s with the values of the vocabulary', (name, e) => {
    expect(knowledgeSchema.$defs[name]?.enum).toEqual([...e.values]);
  });

  it('has no enum but those of the vocabulary', () => {
    const owners: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'enum') owners.push(where);
        else visit(value, key);
      }
    };
    visit(knowledgeSchema, '(root)');
    expect(sortedStrings(owners)).toEqual(sortedStrings(KNOWLEDGE_ENUMERATIONS.map((e) => e.name)));
  });

  it('names in its rules (`const`) only values of the vocabulary, besides the format version', () => {
    const consts: unknown[] = [];
    const visit = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) (key === 'const' ? consts.push(value) : visit(value));
    };
    visit(knowledgeSchema);
    const known = new Set<unknown>(['kg-knowledge/1', true, ...KNOWLEDGE_ENUMERATIONS.flatMap((e) => e.values)]);
    expect(consts.length).toBeGreaterThan(0);
    expect(consts.filter((value) => !known.has(value))).toEqual([]);
  });
});

describe('codegen.yml', () => {
  /** `Type: "path#Record"` lines of the mappers block. */
  const mappers = Object.fromEntries(
    [...read('codegen.yml').split(/^\s+mappers:\s*$/m)[1]!.split(/^\s+scalars:\s*$/m)[0]!.matchAll(/^\s+(\w+):\s*"[^"#]*#(\w+)"/gm)].map((m) => [m[1]!, m[2]!]),
  );

  it('maps Entity, Source and every kind type to EntityRecord, and nothing else to it', () => {
    const toEntityRecord = Object.keys(mappers).filter((type) => mappers[type] === 'EntityRecord');
    expect(sortedStrings(toEntityRecord)).toEqual(sortedStrings(['Entity', 'Source', ...ENTITY_LABELS]));
  });

  it('maps only types the schema has', () => {
    for (const type of Object.keys(mappers)) expect(schema.getType(type), type).toBeDefined();
  });
});

describe('the graph the loader writes', () => {
  const file: KnowledgeFile = {
    format: 'kg-knowledge/1',
    id: 'every-kind',
    title: 'One entity of each kind',
    sources: [{ document: 'doc-document', path: 'x.txt', sha256: '0'.repeat(64), language: 'fr' }],
    entities: ENTITY_KINDS.map((kind) => ({
      id: `doc-${kind.toLowerCase()}`,
      kind,
      name: kind,
      description: `An entity of kind ${kind}.`,
      aliases: [{ text: `${kind} alias`, lang: 'en' }],
      ...(kind === 'DOCUMENT' ? { published: { text: 'mai 2024', value: '2024-05', precision: 'MONTH' as const, inferred: false } } : {}),
    })),
    facts: [],
  };
  const rows = toGraphRows(file, new Map([['doc-document', 'Le texte.']]));

  it('labels entities by the Neo4j label of their kind', () => {
    expect(sortedStrings(rows.entitiesByLabel.keys())).toEqual(sortedStrings(ENTITY_LABELS));
    for (const [label, entities] of rows.entitiesByLabel) {
      for (const entity of entities) expect(ENTITY_TYPE_OF_KIND[entity.props.kind as (typeof ENTITY_KINDS)[number]]).toBe(label);
    }
  });

  const statements = loadStatements();
  /** The one statement whose text matches (found by what it does, not by its file name). */
  const statementMatching = (pattern: RegExp) => {
    const found = [...statements].filter(([, text]) => pattern.test(text));
    expect(found.map(([name]) => name)).toHaveLength(1);
    return found[0]![1];
  };

  it('removes every kind label before setting one, and leaves no vocabulary slot unfilled in any statement', () => {
    const merge = statementMatching(/MERGE \(e:Entity/);
    expect(merge).toContain(`REMOVE e:${ENTITY_LABELS.join(':')}\n`);
    for (const [name, text] of statements) expect(text, name).not.toMatch(/\{\{[A-Z_]+\}\}/);
  });

  it('stores exactly the entity properties the vocabulary lists, and a record reads only the listed ones', () => {
    const document = rows.entitiesByLabel.get('Document')![0]!;
    const text = rows.documentTexts[0]!;
    // The statement that sets a document's text also sets its hash and language.
    const textProperties = [...statementMatching(/SET d\.text = /).matchAll(/\bd\.(\w+) = row\.(\w+)/g)];
    const textProps = Object.fromEntries(textProperties.map((m) => [m[1]!, text[m[2]! as keyof typeof text]]));
    const stored = { id: document.id, ...document.props, ...textProps };
    expect(sortedStrings(Object.keys(stored))).toEqual(sortedStrings([...ENTITY_PROPERTIES, ...ENTITY_UNREAD_PROPERTIES]));
    const listed = Object.fromEntries(ENTITY_PROPERTIES.map((name) => [name, stored[name as keyof typeof stored]]));
    expect(toEntity(listed)).toEqual(toEntity(stored));
    expect(toEntity(listed)).toMatchObject({ kind: 'DOCUMENT', language: 'fr', published: { value: '2024-05', precision: 'MONTH' } });
  });
});

describe('the generated files', () => {
  const handWritten = handWrittenSdl(loadTypeDefs());
  it.each([
    ['schema/vocabulary.graphql', () => renderVocabularySdl()],
    ['schema/entity-types.graphql', () => renderEntityTypesSdl(handWritten)],
    ['data/knowledge.schema.json', () => renderKnowledgeSchema(read('data/knowledge.schema.json'))],
    ['codegen.yml', () => renderCodegenConfig(read('codegen.yml'))],
  ])('%s is what `npm run codegen` writes from the vocabulary', (file, render) => {
    expect(read(file)).toBe(render());
  });
});

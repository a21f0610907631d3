/**
 * History reads (docs/curation-model.md): the latest revision, a revision by id, the revisions that changed an
 * entity or fact, every revision in commit order, and the change feed's subscription field.
 */
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import type { RevisionPage } from '../../database/records.ts';
import { decodeCursor, encodeCursor, pageSize } from '../arguments.ts';
import { revisionSequence } from '../as-of.ts';
import { badUserInput } from '../errors.ts';
import { decodeEntityOrFactId } from '../global-id.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { resolverArguments } from '../nested-fields.ts';

/** A `history` cursor's sequence (0 before the first page). */
function afterSequence(cursor: string | null | undefined): number {
  const key = decodeCursor('revision', cursor);
  if (key === '') return 0;
  if (!/^[0-9]{1,16}$/.test(key)) throw badUserInput('after', 'is not a cursor of this list: pass an endCursor or edge cursor returned by it');
  return Number(key);
}

const connection = {
  edges: (page: RevisionPage) => page.items.map((node) => ({ cursor: encodeCursor('revision', String(node.sequence)), node })),
  nodes: (page: RevisionPage) => page.items,
  pageInfo: (page: RevisionPage) => {
    const last = page.items[page.items.length - 1];
    return { hasNextPage: page.hasNextPage, endCursor: last ? encodeCursor('revision', String(last.sequence)) : null };
  },
};

/** A JSON literal in a document (`importKnowledge(file: {…})`), as a value. */
function literalValue(node: ValueNode, variables: Record<string, unknown> | null | undefined): unknown {
  switch (node.kind) {
    case Kind.NULL:
      return null;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.LIST:
      return node.values.map((value) => literalValue(value, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literalValue(field.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[node.name.value] ?? null;
  }
}

/** Any JSON value, passed through as it is. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value: an object, a list, a string, a number, a boolean or null.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (node, variables) => literalValue(node, variables),
});

export const historyResolvers: Resolvers = {
  JSON: JSONScalar,
  Query: {
    knowledgeVersion: (_root, _args, { repository }) => repository.knowledgeVersion(),

    revision: (_root, { id }, { loaders }) => loaders.revision.load(revisionSequence(id, 'id')),

    history: async (_root, args, { repository, loaders, limits }, info) => {
      const first = pageSize(resolverArguments(info, args).first, limits.maxPageSize);
      const page = await repository.revisionsOfTarget(decodeEntityOrFactId(args.id), afterSequence(args.after), first);
      for (const revision of page.items) loaders.revision.prime(revision.sequence, revision);
      return page;
    },

    changes: async (_root, args, { repository, loaders, limits }, info) => {
      const first = pageSize(resolverArguments(info, args).first, limits.maxPageSize);
      const after = args.after === null || args.after === undefined ? 0 : revisionSequence(args.after, 'after');
      const page = await repository.revisionsAfter(after, first);
      for (const revision of page.items) loaders.revision.prime(revision.sequence, revision);
      return page;
    },
  },
  RevisionConnection: connection,
};


/**
 * History reads (docs/curation-model.md): the latest revision, a revision by id, the revisions that changed an
 * entity or fact, every revision in commit order, and the change feed's subscription field.
 */
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import type { RevisionRecord } from '../../database/records.ts';
import { decodeCursor, pageWindow, sequenceKey } from '../arguments.ts';
import { connectionFields, withTotal } from '../connections.ts';
import { revisionSequence } from '../as-of.ts';
import { decodeEntityOrFactId } from '../global-id.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

/**
 * A `changes` bound: a revision id (`r42`, the contract's form) or a cursor of the list, so that Relay clients
 * can page it with the cursors they were given.
 */
function changesBound(value: string | null | undefined, argument: 'after' | 'before'): number | null {
  if (value === null || value === undefined) return null;
  try {
    return revisionSequence(value, argument);
  } catch (error) {
    const key = asCursor(value, argument);
    if (key === undefined) throw error;
    return key;
  }
}

function asCursor(value: string, argument: string): number | undefined {
  try {
    return sequenceKey(decodeCursor('revision', value, argument));
  } catch {
    return undefined;
  }
}

const connection = connectionFields<RevisionRecord>('revision', (revision) => String(revision.sequence));

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

    history: async (_root, args, { repository, loaders, limits }) => {
      const window = pageWindow(args, limits.maxPageSize, 'revision', sequenceKey);
      const target = decodeEntityOrFactId(args.id);
      const page = await repository.revisionsOfTarget(target, window);
      for (const revision of page.items) loaders.revision.prime(revision.sequence, revision);
      return withTotal(page, () => repository.countRevisionsOfTarget(target, limits.exactCountLimit));
    },

    changes: async (_root, args, { repository, loaders, limits }) => {
      const paging = { first: args.first, last: args.last };
      const window = { ...pageWindow(paging, limits.maxPageSize, 'revision', sequenceKey), after: changesBound(args.after, 'after'), before: changesBound(args.before, 'before') };
      const page = await repository.revisions(window);
      for (const revision of page.items) loaders.revision.prime(revision.sequence, revision);
      return withTotal(page, () => repository.countRevisions());
    },
  },
  RevisionConnection: connection,
};


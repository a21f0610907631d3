/**
 * Enforcement in Apollo, at the first hook that knows the operation (after parsing and validation, before the
 * cost limit and any resolver): the request's principal against the operation's `@requiresScope`.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../graphql/context.ts';
import { createAccessPolicy, type AccessPolicy } from './authorize.ts';

export function accessPlugin(options: { requireKeyForReads: boolean }): ApolloServerPlugin<GraphQLContext> {
  let policy: AccessPolicy | undefined;
  return {
    async serverWillStart({ schema }) {
      policy = createAccessPolicy(schema, options);
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operationName }) {
          const error = policy!.authorize(contextValue.principal, document, operationName);
          if (error) throw error;
        },
      };
    },
  };
}

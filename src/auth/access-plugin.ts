/**
 * Enforcement in Apollo, at the first hook that knows the operation (after parsing and validation, before any
 * resolver): the request's principal against the operation's `@requiresScope`.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../graphql/context.ts';
import type { AccessPolicy } from './authorize.ts';

export function accessPlugin(policy: AccessPolicy): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operationName }) {
          const error = policy.authorize(contextValue.principal, document, operationName);
          if (error) throw error;
        },
      };
    },
  };
}

/**
 * Operation limits, all checked before any Cypher runs: tokens while parsing (graphql-js `maxTokens`),
 * depth, aliases and directives during validation, and cost once the operation and its variables are known.
 * Every one answers HTTP 400 with `extensions.code` LIMIT_EXCEEDED, the limit's name, its maximum and the
 * operation's figure.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Limits, OperationLimits } from '../../config/config.ts';
import type { GraphQLContext } from '../context.ts';
import { operationCost } from './cost.ts';
import { maxAliasesRule, maxDepthRule, maxDirectivesRule } from './depth-and-aliases.ts';
import { limitExceeded } from './limit-error.ts';

export { limitExceeded } from './limit-error.ts';

export function limitValidationRules(limits: OperationLimits) {
  return [maxDepthRule(limits.maxDepth), maxAliasesRule(limits.maxAliases), maxDirectivesRule(limits.maxDirectives)];
}

/** Rejects an operation whose cost is over the limit, after validation and before execution. */
export function costLimitPlugin(maxCost: number, limits: Limits): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          const fragments = Object.fromEntries(
            document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])),
          );
          if (!operation) return;
          const cost = operationCost({ schema, operation, fragments, variables: request.variables ?? {}, limits });
          if (cost > maxCost) {
            throw limitExceeded('cost', maxCost, cost, 'Ask for smaller pages (`first`), a smaller neighborhood `depth`, or fewer nested lists.');
          }
        },
      };
    },
  };
}

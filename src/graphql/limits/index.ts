/**
 * Operation limits, all checked before any Cypher runs: tokens before parsing (tokens.ts, called by the HTTP
 * layer for every operation of a request), depth, aliases and directives during validation, and cost once the
 * operation and its coerced variables are known. Every one answers HTTP 400 with `extensions.code`
 * LIMIT_EXCEEDED, the limit's name, its maximum and the operation's figure.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues } from 'graphql';
import type { AdmissionSettings, Limits, OperationLimits } from '../../config/config.ts';
import type { GraphQLContext } from '../context.ts';
import { variableError } from '../errors.ts';
import { AdmissionGate } from './admission.ts';
import { operationCost } from './cost.ts';
import { maxAliasesRule, maxDepthRule, maxDirectivesRule } from './depth-and-aliases.ts';
import { limitExceeded } from './limit-error.ts';

export { limitExceeded } from './limit-error.ts';
export { tokenLimitError } from './tokens.ts';

export function limitValidationRules(limits: OperationLimits) {
  return [maxDepthRule(limits.maxDepth), maxAliasesRule(limits.maxAliases), maxDirectivesRule(limits.maxDirectives)];
}

export interface CostLimitOptions {
  maxCost: number;
  limits: Pick<Limits, 'maxNeighborhoodNodes' | 'maxNeighborhoodDepth' | 'maxPathDepth'>;
  hideSuggestions: boolean;
  admission: AdmissionSettings;
}

/**
 * Coerces the variables the way execution will (graphql-js `getVariableValues`: the operation's own
 * defaults applied, bad values refused as BAD_USER_INPUT), then rejects an operation whose cost with those
 * values is over the limit, after validation and before execution; an expensive one then waits for its turn
 * in the admission gate.
 */
export function costLimitPlugin({ maxCost, limits, hideSuggestions, admission }: CostLimitOptions): ApolloServerPlugin<GraphQLContext> {
  const gate = new AdmissionGate(admission);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { hideSuggestions, maxErrors: 1 });
          if (coerced.errors) throw variableError(schema, coerced.errors[0]!);
          const fragments = Object.fromEntries(
            document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])),
          );
          const cost = operationCost({ schema, operation, fragments, variables: coerced.coerced, limits });
          if (cost > maxCost) {
            throw limitExceeded('cost', maxCost, cost, 'Ask for smaller pages (`first`), a smaller neighborhood `depth`, fewer nested lists, or fewer introspection lists.');
          }
          await gate.admit(cost);
        },
      };
    },
  };
}

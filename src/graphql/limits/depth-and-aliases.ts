/**
 * Validation rules for the shape of an operation: nesting depth, aliases and directives. They run with
 * graphql-js validation, before anything executes. (graphql-armor has such rules, but they raise errors
 * without a code and prefixed "Syntax Error"; these give LIMIT_EXCEEDED with the limit and the figures.)
 */
import type { ASTVisitor, ValidationContext } from 'graphql';
import { foldSelections } from './selections.ts';
import { introspectionCounts } from './introspection-counts.ts';
import { limitExceeded } from './limit-error.ts';

const maxWrappingOf = (context: ValidationContext) => introspectionCounts(context.getSchema()).maxWrapping;

/** Nesting depth of fields, fragments expanded, introspection included (up to where its answer is null). */
export function maxDepthRule(max: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = foldSelections(operation.selectionSet, (n) => context.getFragment(n), maxWrappingOf(context), {
        empty: 0,
        field: (_field, children) => 1 + children,
        combine: Math.max,
      });
      if (depth > max) context.reportError(limitExceeded('depth', max, depth, 'Ask for fewer nested levels, or split the query.'));
    },
  });
}

/** Aliased fields, counted as executed (an aliased field inside a fragment counts once per spread). */
export function maxAliasesRule(max: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const aliases = foldSelections(operation.selectionSet, (n) => context.getFragment(n), maxWrappingOf(context), {
        empty: 0,
        field: (field, children) => (field.aliased ? 1 : 0) + children,
        combine: (a, b) => a + b,
      });
      if (aliases > max) context.reportError(limitExceeded('aliases', max, aliases, 'Use fewer aliases, or send several requests.'));
    },
  });
}

/** Directives written anywhere in the document. */
export function maxDirectivesRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let directives = 0;
    return {
      Directive() {
        directives += 1;
      },
      Document: {
        leave() {
          if (directives > max) context.reportError(limitExceeded('directives', max, directives, 'Use fewer directives.'));
        },
      },
    };
  };
}

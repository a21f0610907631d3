/**
 * A validation rule graphql-js 16 lacks (v17 adds it as KnownOperationTypesRule): an operation whose root
 * type the schema does not have (a mutation or subscription here) is a validation error, answered 400,
 * instead of an execution error.
 */
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(operation) {
      if (!context.getSchema().getRootType(operation.operation)) {
        context.reportError(
          new GraphQLError(`This server does not support ${operation.operation} operations: it answers queries only.`, { nodes: operation }),
        );
      }
    },
  };
}

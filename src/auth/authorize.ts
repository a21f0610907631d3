/**
 * Which scope an operation needs, read from the schema: each root field's `@requiresScope` (the SDL is the one
 * list), and READ for every operation when REQUIRE_KEY_FOR_READS is set. `authorize` checks a principal
 * against it before anything runs, for HTTP (accessPlugin) and for the subscription transport alike.
 */
import {
  getOperationAST,
  Kind,

  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { forbidden, unauthenticated } from './errors.ts';
import { SCOPES_IN_ORDER, scopeIncludes, type Principal, type Scope } from './principal.ts';

export const REQUIRES_SCOPE = 'requiresScope';

/** Root type name → field name → the scope its `@requiresScope` names. */
export type ScopeRequirements = ReadonlyMap<string, ReadonlyMap<string, Scope>>;

export function scopeRequirements(schema: GraphQLSchema): ScopeRequirements {
  const requirements = new Map<string, Map<string, Scope>>();
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!type) continue;
    const fields = new Map<string, Scope>();
    for (const field of Object.values(type.getFields())) {
      const directive = field.astNode?.directives?.find((d) => d.name.value === REQUIRES_SCOPE);
      const argument = directive?.arguments?.find((a) => a.name.value === 'scope');
      if (argument) fields.set(field.name, valueFromASTUntyped(argument.value) as Scope);
    }
    requirements.set(type.name, fields);
  }
  return requirements;
}

export interface AccessPolicy {
  /** The scope the document's operation needs (null: none), or undefined when there is no such operation. */
  requiredScope(document: DocumentNode, operationName?: string | null): Scope | null | undefined;
  /** Null when `principal` may run the operation; else the error to answer (UNAUTHENTICATED 401 or FORBIDDEN 403). */
  authorize(principal: Principal, document: DocumentNode, operationName?: string | null): GraphQLError | null;
}

export function createAccessPolicy(schema: GraphQLSchema, options: { requireKeyForReads: boolean }): AccessPolicy {
  const requirements = scopeRequirements(schema);
  const requiredScope = (document: DocumentNode, operationName?: string | null) => {
    const operation = getOperationAST(document, operationName);
    if (!operation) return undefined;
    const rootType = schema.getRootType(operation.operation);
    const fields = requirements.get(rootType?.name ?? '') ?? new Map<string, Scope>();
    const needed = rootFieldNames(operation, document).map((name) => fields.get(name) ?? null);
    if (options.requireKeyForReads) needed.push('READ');
    return strongest(needed);
  };
  return {
    requiredScope,
    authorize(principal, document, operationName) {
      const needed = requiredScope(document, operationName);
      return needed ? checkScope(principal, needed) : null;
    },
  };
}

/** Null when `principal` holds `needed`; else UNAUTHENTICATED (no credentials) or FORBIDDEN (not that scope). */
export function checkScope(principal: Principal, needed: Scope): GraphQLError | null {
  if (principal.kind === 'ANONYMOUS') {
    return unauthenticated(`This operation needs an API key or a token with scope ${needed}: send \`Authorization: Bearer <key>\`.`);
  }
  if (!scopeIncludes(principal.scope, needed)) {
    return forbidden(`This operation needs scope ${needed}; the ${principal.kind === 'TOKEN' ? 'token' : 'key'} \`${principal.name}\` has ${principal.scope ? `scope ${principal.scope}` : 'no scope'}.`);
  }
  return null;
}

/** The root fields an operation selects, through its fragments (a fragment cycle is a validation error; guarded anyway). */
export function rootFieldNames(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return [...names];
}

function strongest(scopes: (Scope | null)[]): Scope | null {
  return scopes.reduce<Scope | null>((a, b) => (b !== null && (a === null || SCOPES_IN_ORDER.indexOf(b) > SCOPES_IN_ORDER.indexOf(a)) ? b : a), null);
}


// Lints the SDL only (schema/*.graphql) with graphql-eslint's schema rules: the recommended set and Relay's.
// `npm run lint:schema` (part of `npm run check`, so of `npm test`) fails on any finding.
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

/** Object types that are values, not records: they have no identity of their own to refetch by. */
const VALUE_TYPES = ['Alias', 'Change', 'Money', 'Neighborhood', 'PageInfo', 'Participant', 'Path', 'Quantity', 'Retraction', 'SearchHit', 'TimeRef'];

export default [
  {
    files: ['schema/*.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      // The rules that need the whole schema (unreachable types, Relay's) read the same files the server does.
      parserOptions: { graphQLConfig: { schema: 'schema/*.graphql' } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs['flat/schema-recommended'].rules,
      ...graphqlPlugin.configs['flat/schema-relay'].rules,
      '@graphql-eslint/require-description': ['error', { types: true, rootField: true, DirectiveDefinition: true, FieldDefinition: true, InputValueDefinition: true, EnumValueDefinition: true }], // stricter than recommended (types and root fields only): every field, argument, input field and enum value too
      '@graphql-eslint/description-style': 'off', // the SDL's convention (which the generator follows): one-line descriptions "inline", longer ones """block"""; the rule allows one style for all
      '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false }], // `nodes: [X!]!` beside `edges` (docs/public-api.md, Connections) and value lists (aliases, citations) are lists of non-edges by design
      '@graphql-eslint/strict-id-in-types': ['error', { exceptions: { suffixes: ['Connection', 'Edge', 'Payload'], types: VALUE_TYPES } }], // connections, edges, payloads and value types have no identity of their own; every record type has `id: ID!`
    },
  },
];

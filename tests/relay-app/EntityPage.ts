import { graphql } from 'relay-runtime';

/** An entity's page: its name, its first facts (a paginated connection), and relations with their facts. */
export const EntityPageQuery = graphql`
  query EntityPageQuery($id: ID!, $count: Int!) {
    entity(id: $id) {
      name
      ...EntitySummary_entity
      ...EntityFacts_entity @arguments(count: $count)
      relations(first: 5) {
        nodes {
          id
          type
          label
          fact {
            id
            statement
          }
        }
      }
    }
  }
`;

/** The facts of an entity, page by page (usePaginationFragment's fragment: refetchable, with a connection). */
export const EntityFactsFragment = graphql`
  fragment EntityFacts_entity on Entity
  @refetchable(queryName: "EntityFactsPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 3 }, cursor: { type: "String" }) {
    facts(first: $count, after: $cursor) @connection(key: "EntityFacts_facts") {
      totalCount
      edges {
        node {
          id
          statement
          rank
        }
      }
    }
  }
`;

import { graphql } from 'relay-runtime';

/** The search box: the best matches, with their scores. */
export const SearchQuery = graphql`
  query SearchQuery($text: String!, $count: Int!) {
    search(text: $text, first: $count) {
      totalCount
      edges {
        score
        node {
          name
          ...EntitySummary_entity
        }
      }
    }
  }
`;

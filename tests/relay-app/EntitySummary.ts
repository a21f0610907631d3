import { graphql } from 'relay-runtime';

/** What a card shows of an entity; refetchable on its own, through `node(id:)`. */
export const EntitySummaryFragment = graphql`
  fragment EntitySummary_entity on Entity @refetchable(queryName: "EntitySummaryRefetchQuery") {
    name
    kind
    description
  }
`;

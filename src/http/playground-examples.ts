/**
 * The queries the playground opens with, one tab each. They double as documentation of the API's main
 * uses, so a test runs every one against the real server and fails if one breaks or returns nothing.
 */
export interface PlaygroundExample {
  /** What the example shows; also its operation name. */
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const PLAYGROUND_EXAMPLES: readonly PlaygroundExample[] = [
  {
    title: 'Who had the H100s redirected, and who reported it',
    query: /* GraphQL */ `# The article's central fact: an n-ary fact whose participants each have a role,
# with the numbers it states and where each claim comes from. Ids are global (\`Fact:\` and the fact's slug;
# the bare slug works too), and \`node(id:)\` fetches any of them again.
query RedirectedH100s {
  fact(id: "Fact:musk-redirects-h100-from-tesla-to-x") {
    id
    statement
    modality
    time { text value precision }
    participants { role entity { id name kind } }
    quantities { kind value unit comparator text item { name } }
    citations {
      kind
      quote
      start
      end
      saidBy { name }
      reportedBy { name }
      document { name }
    }
  }
}
`,
  },
  {
    title: 'Search names and aliases',
    query: /* GraphQL */ `# Full-text search is case- and accent-insensitive and matches aliases (French and English names).
query SearchEntities($text: String!) {
  search(text: $text, first: 5) {
    edges {
      score
      node { id kind name aliases { text language } }
    }
    totalCount
  }
}
`,
    variables: { text: 'dakota du nord' },
  },
  {
    title: 'What is said about an entity',
    query: /* GraphQL */ `# Every relation of xAI, typed and directed, each backed by a fact with its provenance.
query EntityRelations($id: ID!) {
  entity(id: $id) {
    name
    description
    relations(first: 20) {
      nodes {
        type
        label
        from { name }
        to { name }
        fact { modality citations { quote saidBy { name } } }
      }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
}
`,
    variables: { id: 'xai' },
  },
  {
    title: 'Relation lookup for other apps',
    query: /* GraphQL */ `# Stable, typed lookups: which relations of a type leave an entity, page by page.
query OwnedBy($owner: ID!) {
  relations(from: $owner, type: OWNS, first: 10) {
    nodes { id type to { id name kind } fact { statement } }
    pageInfo { hasNextPage endCursor }
  }
}
`,
    variables: { owner: 'xai' },
  },
  {
    title: 'How two entities are connected',
    query: /* GraphQL */ `# A shortest path, ignoring direction, as alternating entities and relations.
query Connection($from: ID!, $to: ID!) {
  path(from: $from, to: $to, maxDepth: 4) {
    length
    elements {
      __typename
      ... on Entity { id name }
      ... on Relation { type label }
    }
  }
}
`,
    variables: { from: 'elon-musk', to: 'grok' },
  },
  {
    title: 'Sources and the facts they back',
    query: /* GraphQL */ `# Provenance from the other side: each document or medium and the facts it backs.
query Sources {
  sources {
    __typename
    id
    name
    ... on Document { published { value } language }
    backedFacts(first: 5) {
      nodes { id statement }
      totalCount
    }
  }
}
`,
  },
];

// Names and aliases, case- and accent-insensitive: Lucene's standard analyzer with ASCII folding.
// Eventually consistent: Lucene indexes new names after the commit, on another thread, instead of inside it
// (that halved the commit of a 20,000-relation load). The loader waits for the refresh before it returns
// (write/await-search-index), so a search right after a load still sees the new names.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (e:Entity) ON EACH [e.name, e.searchNames]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: true } }

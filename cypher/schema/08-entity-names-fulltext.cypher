// Names and aliases, case- and accent-insensitive: Lucene's standard analyzer with ASCII folding.
// Not eventually consistent, so a search right after a load sees the new names.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (e:Entity) ON EACH [e.name, e.searchNames]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } }

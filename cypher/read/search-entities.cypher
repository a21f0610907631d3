// $query is a Lucene query built in code from the user's words, every special character escaped.
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
RETURN node { {{ENTITY_PROPERTIES}} } AS entity, score
ORDER BY score DESC, node.id
SKIP $offset
LIMIT $limit

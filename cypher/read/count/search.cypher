// How many entities a search matches, up to $limit (the ranking has no cheaper estimate: beyond, the bound).
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node
WHERE $kinds IS NULL OR node.kind IN $kinds
WITH node LIMIT $limit
RETURN count(node) AS exact, count(node) AS estimate

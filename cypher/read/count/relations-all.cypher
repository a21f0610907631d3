// How many relations (of one type): exact up to $limit; `estimate` sums the count store's figures of the
// relation types ($relationTypes: the vocabulary's, or the one asked), for when the exact count stops at $limit.
CALL {
  MATCH (:Entity)-[r:{{RELATION_TYPES}}]->(:Entity)
  WHERE $type IS NULL OR type(r) = $type
  WITH r LIMIT $limit
  RETURN count(r) AS exact
}
CALL apoc.meta.stats() YIELD relTypesCount
RETURN exact, reduce(n = 0, t IN $relationTypes | n + coalesce(relTypesCount[t], 0)) AS estimate

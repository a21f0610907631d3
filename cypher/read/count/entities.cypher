// How many entities (of one kind): exact up to $limit; `estimate` is the count store's figure for the kind's
// label ($label, or Entity), read without touching a node, for when the exact count stops at $limit.
CALL {
  MATCH (e:Entity)
  WHERE $kind IS NULL OR e.kind = $kind
  WITH e LIMIT $limit
  RETURN count(e) AS exact
}
CALL apoc.meta.stats() YIELD labels
RETURN exact, coalesce(labels[coalesce($label, 'Entity')], 0) AS estimate

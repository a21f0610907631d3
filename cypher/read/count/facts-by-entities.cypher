// How many facts each entity of a batch takes part in (visible ones: an ABOUT edge; with $includeRetracted,
// hidden ones too): exact up to $limit; `estimate` is the stored degree of those edges, for beyond $limit.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL {
  WITH e
  MATCH (e)<-[a:ABOUT|WAS_ABOUT]-(f:Fact)
  WHERE ($includeRetracted OR type(a) = 'ABOUT') AND ($types IS NULL OR f.type IN $types)
  WITH DISTINCT f LIMIT $limit
  RETURN count(f) AS exact
}
RETURN id, exact, CASE WHEN $includeRetracted THEN COUNT { (e)<-[:ABOUT|WAS_ABOUT]-() } ELSE COUNT { (e)<-[:ABOUT]-() } END AS estimate

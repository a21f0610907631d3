// How many relations each entity of a batch has (by type and direction): exact up to $limit; `estimate` is the
// stored degree over the relation types in that direction (a degree lookup), for beyond $limit.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL {
  WITH e
  MATCH (e)-[r:{{RELATION_TYPES}}]-(:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($direction = 'BOTH'
      OR ($direction = 'OUTGOING' AND startNode(r) = e)
      OR ($direction = 'INCOMING' AND endNode(r) = e))
  WITH DISTINCT r LIMIT $limit
  RETURN count(r) AS exact
}
RETURN id, exact, CASE $direction
  WHEN 'OUTGOING' THEN COUNT { (e)-[:{{RELATION_TYPES}}]->() }
  WHEN 'INCOMING' THEN COUNT { (e)<-[:{{RELATION_TYPES}}]-() }
  ELSE COUNT { (e)-[:{{RELATION_TYPES}}]-() } END AS estimate

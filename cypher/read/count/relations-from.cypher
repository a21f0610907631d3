// How many relations leave one entity (optionally to another, of one type): exact up to $limit; `estimate` is
// the entity's stored outgoing degree over the relation types (a degree lookup), for beyond $limit.
MATCH (a:Entity {id: $from})
CALL {
  WITH a
  MATCH (a)-[r:{{RELATION_TYPES}}]->(b:Entity)
  WHERE ($to IS NULL OR b.id = $to) AND ($type IS NULL OR type(r) = $type)
  WITH r LIMIT $limit
  RETURN count(r) AS exact
}
RETURN exact, COUNT { (a)-[:{{RELATION_TYPES}}]->() } AS estimate

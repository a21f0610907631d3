// How many relations arrive at one entity (of one type): exact up to $limit; `estimate` is the entity's stored
// incoming degree over the relation types (a degree lookup), for beyond $limit.
MATCH (b:Entity {id: $to})
CALL {
  WITH b
  MATCH (:Entity)-[r:{{RELATION_TYPES}}]->(b)
  WHERE $type IS NULL OR type(r) = $type
  WITH r LIMIT $limit
  RETURN count(r) AS exact
}
RETURN exact, COUNT { ()-[:{{RELATION_TYPES}}]->(b) } AS estimate

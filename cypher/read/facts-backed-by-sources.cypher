// The facts each source of a batch backs: a citation of the fact is said by, reported by or quoted from it.
UNWIND $ids AS id
MATCH (s:Entity {id: id})
CALL {
  WITH s
  MATCH (s)<-[:SAID_BY|REPORTED_BY|QUOTED_FROM]-(:Citation)<-[:CITED_BY]-(f:Fact)
  WITH DISTINCT f
  ORDER BY f.id
  LIMIT $limit
  RETURN collect({{FACT_PROJECTION}}) AS facts
}
RETURN id, facts

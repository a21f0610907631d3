// The facts each source of a batch backs: a citation of the fact is said by, reported by or quoted from it.
// Citations still point at hidden facts: only visible ones (with an ABOUT edge) count; preferred first.
UNWIND $ids AS id
MATCH (s:Entity {id: id})
CALL {
  WITH s
  MATCH (s)<-[:SAID_BY|REPORTED_BY|QUOTED_FROM]-(:Citation)<-[:CITED_BY]-(f:Fact)
  WITH DISTINCT f
  WHERE EXISTS { (f)-[:ABOUT]->() }
  WITH f, CASE f.rank WHEN 'PREFERRED' THEN 0 ELSE 1 END AS rankKey
  WHERE {{FACT_KEYSET}}
  WITH f, rankKey
  ORDER BY rankKey {{ORDER}}, f.id {{ORDER}}
  LIMIT $limit
  RETURN collect({{FACT_PROJECTION}}) AS facts
}
RETURN id, facts

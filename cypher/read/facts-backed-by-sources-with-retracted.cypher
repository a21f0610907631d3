// As facts-backed-by-sources, hidden facts included (`includeRetracted`); current versions only.
UNWIND $ids AS id
MATCH (s:Entity {id: id})
CALL {
  WITH s
  MATCH (s)<-[:SAID_BY|REPORTED_BY|QUOTED_FROM]-(:Citation)<-[:CITED_BY]-(f:Fact)
  WITH DISTINCT f
  WITH f, CASE f.rank WHEN 'PREFERRED' THEN 0 ELSE 1 END AS rankKey
  WHERE {{FACT_KEYSET}}
  WITH f, rankKey
  ORDER BY rankKey {{ORDER}}, f.id {{ORDER}}
  LIMIT $limit
  RETURN collect({fact: {{FACT_PROJECTION}}, edges: {{FACT_EDGES}}}) AS facts
}
RETURN id, facts

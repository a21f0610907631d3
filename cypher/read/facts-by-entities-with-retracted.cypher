// As facts-by-entities, with the hidden facts too (`includeRetracted`): their latest edges are WAS_ABOUT.
// Only current versions (:Fact): a replaced version (:FactVersion) is history.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL {
  WITH e
  MATCH (e)<-[:ABOUT|WAS_ABOUT]-(f:Fact)
  WHERE $types IS NULL OR f.type IN $types
  WITH DISTINCT f
  WITH f, CASE f.rank WHEN 'PREFERRED' THEN 0 ELSE 1 END AS rankKey
  WHERE {{FACT_KEYSET}}
  WITH f, rankKey
  ORDER BY rankKey {{ORDER}}, f.id {{ORDER}}
  LIMIT $limit
  RETURN collect({fact: {{FACT_PROJECTION}}, edges: {{FACT_EDGES}}}) AS facts
}
RETURN id, facts

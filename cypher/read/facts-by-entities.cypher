// The facts each entity of a batch takes part in, whole (as in facts-by-ids): preferred first, then by id.
// Hidden facts (retracted, deprecated) have no ABOUT edge, so none is met.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL {
  WITH e
  // Only facts have ABOUT links: no label check per fact (a hub has tens of thousands).
  MATCH (e)<-[:ABOUT]-(f)
  WHERE $types IS NULL OR f.type IN $types
  WITH DISTINCT f
  WITH f, CASE f.rank WHEN 'PREFERRED' THEN 0 ELSE 1 END AS rankKey
  WHERE {{FACT_KEYSET}}
  WITH f, rankKey
  ORDER BY rankKey {{ORDER}}, f.id {{ORDER}}
  LIMIT $limit
  RETURN collect({{FACT_PROJECTION}}) AS facts
}
RETURN id, facts

// The facts each entity of a batch takes part in, whole (as in facts-by-ids), in id order.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL {
  WITH e
  // Only facts have ABOUT links: no label check per fact (a hub has tens of thousands).
  MATCH (e)<-[:ABOUT]-(f)
  WHERE $types IS NULL OR f.type IN $types
  WITH DISTINCT f
  ORDER BY f.id
  LIMIT $limit
  RETURN collect({{FACT_PROJECTION}}) AS facts
}
RETURN id, facts

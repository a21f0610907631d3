// The facts each entity of a batch took part in at $asOf (an ABOUT or WAS_ABOUT edge valid then), preferred
// first (the rank then), then by id. With $includeRetracted, also those hidden by then (the fact version
// existing then, with an edge from before).
UNWIND $ids AS id
OPTIONAL MATCH (a:Entity {id: id})
OPTIONAL MATCH (b:Redirect {id: id})
WITH id, coalesce(a, b) AS e
WHERE e IS NOT NULL
CALL {
  WITH e
  MATCH (e)<-[a:ABOUT|WAS_ABOUT]-(f)
  WHERE coalesce(a.since, 0) <= $asOf AND ($includeRetracted OR a.until IS NULL OR a.until > $asOf)
    AND (f.until IS NULL OR f.until > $asOf)
    AND ($types IS NULL OR f.type IN $types)
  WITH DISTINCT f
  WITH f, {{RANK_AS_OF}} AS rank
  WITH f, rank, CASE rank WHEN 'PREFERRED' THEN 0 ELSE 1 END AS rankKey
  WHERE {{FACT_KEYSET}}
  WITH f, rank, rankKey
  ORDER BY rankKey {{ORDER}}, f.id {{ORDER}}
  LIMIT $limit
  RETURN collect({fact: {{FACT_PROJECTION}}, edges: {{FACT_EDGES}}, rank: rank}) AS facts
}
RETURN id, facts

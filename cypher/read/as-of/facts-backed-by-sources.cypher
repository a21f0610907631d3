// The facts each source of a batch backed at $asOf: a citation names the source, and the fact version
// was visible then (an ABOUT or WAS_ABOUT edge valid at $asOf); with $includeRetracted, hidden by then too.
UNWIND $ids AS id
OPTIONAL MATCH (a:Entity {id: id})
OPTIONAL MATCH (b:Redirect {id: id})
WITH id, coalesce(a, b) AS e
WHERE e IS NOT NULL
CALL {
  WITH e
  MATCH (e)<-[:SAID_BY|REPORTED_BY|QUOTED_FROM]-(:Citation)<-[:CITED_BY]-(f)
  WHERE EXISTS {
    MATCH (f)-[a:ABOUT|WAS_ABOUT]->()
    WHERE coalesce(a.since, 0) <= $asOf AND ($includeRetracted OR a.until IS NULL OR a.until > $asOf)
  } AND (f.until IS NULL OR f.until > $asOf)
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

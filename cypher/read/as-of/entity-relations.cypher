// A page of the relations at each entity of a batch as of $asOf: current relations and history edges
// (WAS_RELATED keeps the type as a property) valid then, endpoints as they were then.
UNWIND $ids AS id
OPTIONAL MATCH (a:Entity {id: id})
OPTIONAL MATCH (b:Redirect {id: id})
WITH id, coalesce(a, b) AS e
WHERE e IS NOT NULL
CALL {
  WITH e
  MATCH (e)-[r:{{RELATION_TYPES}}|WAS_RELATED]-(:Entity|Redirect)
  WITH e, r, CASE type(r) WHEN 'WAS_RELATED' THEN r.type ELSE type(r) END AS type
  WHERE coalesce(r.since, 0) <= $asOf AND (r.until IS NULL OR r.until > $asOf)
    AND r.id > $after AND r.id < $before
    AND ($types IS NULL OR type IN $types)
    AND ($direction = 'BOTH'
      OR ($direction = 'OUTGOING' AND startNode(r) = e)
      OR ($direction = 'INCOMING' AND endNode(r) = e))
  WITH DISTINCT r, type
  ORDER BY r.id {{ORDER}}
  LIMIT $limit
  WITH r, type, startNode(r) AS n
{{ENTITY_AS_OF}}
WITH r, type, entity AS source, endNode(r) AS n
{{ENTITY_AS_OF}}
WITH r, type, source, entity AS target
  RETURN collect({id: r.id, type: type, factId: r.factId, label: r.label, from: source, to: target}) AS relations
}
RETURN id, relations

// Relations between entities as of $asOf, optionally of one type, in id order: current relations and history
// edges valid then, endpoints as they were then.
MATCH (a:Entity|Redirect)-[r:{{RELATION_TYPES}}|WAS_RELATED]->(b:Entity|Redirect)
WITH a, b, r, CASE type(r) WHEN 'WAS_RELATED' THEN r.type ELSE type(r) END AS type
WHERE coalesce(r.since, 0) <= $asOf AND (r.until IS NULL OR r.until > $asOf) AND r.id > $after AND r.id < $before  AND ($type IS NULL OR type = $type)
WITH r, type
ORDER BY r.id {{ORDER}}
LIMIT $limit
WITH r, type, startNode(r) AS n
{{ENTITY_AS_OF}}
WITH r, type, entity AS source, endNode(r) AS n
{{ENTITY_AS_OF}}
WITH r, type, source, entity AS target
RETURN {id: r.id, type: type, factId: r.factId, label: r.label, from: source, to: target} AS relation

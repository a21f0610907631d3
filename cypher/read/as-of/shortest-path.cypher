// As of $asOf (as shortest-path.cypher, over current relations and history edges valid then, entities as they
// were then). 6 is PATH_DEPTH_CEILING (src/config/config.ts: the most MAX_PATH_DEPTH accepts), written here because a
// variable-length bound cannot be a parameter; $maxDepth (at most MAX_PATH_DEPTH) cuts below it.
MATCH (a:Entity|Redirect {id: $from}), (b:Entity|Redirect {id: $to})
MATCH p = shortestPath((a)-[:{{RELATION_TYPES}}|WAS_RELATED*..6]-(b))
WHERE all(n IN nodes(p) WHERE n:Entity OR n:Redirect)
  AND all(r IN relationships(p) WHERE coalesce(r.since, 0) <= $asOf AND (r.until IS NULL OR r.until > $asOf) AND ($types IS NULL OR CASE type(r) WHEN 'WAS_RELATED' THEN r.type ELSE type(r) END IN $types))
WITH p
WHERE length(p) <= $maxDepth
// Endpoints are projected through variables (a map projection needs one), without documents' full text.
CALL {
  WITH p
  UNWIND relationships(p) AS r
  WITH r, CASE type(r) WHEN 'WAS_RELATED' THEN r.type ELSE type(r) END AS type, startNode(r) AS n
  {{ENTITY_AS_OF}}
  WITH r, type, entity AS source, endNode(r) AS n
  {{ENTITY_AS_OF}}
  RETURN collect({id: r.id, type: type, factId: r.factId, label: r.label, from: source, to: entity}) AS edges
}
CALL {
  WITH p
  UNWIND nodes(p) AS n
  {{ENTITY_AS_OF}}
  RETURN collect(entity) AS nodes
}
RETURN nodes, edges

// 6 is PATH_DEPTH_CEILING (src/config/config.ts: the most MAX_PATH_DEPTH accepts), written here because a
// variable-length bound cannot be a parameter; $maxDepth (at most MAX_PATH_DEPTH) cuts below it.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[:{{RELATION_TYPES}}*..6]-(b))
WHERE all(n IN nodes(p) WHERE n:Entity) AND ($types IS NULL OR all(r IN relationships(p) WHERE type(r) IN $types))
WITH p
WHERE length(p) <= $maxDepth
// Endpoints are projected through variables (a map projection needs one), without documents' full text.
CALL {
  WITH p
  UNWIND relationships(p) AS r
  WITH r, startNode(r) AS source, endNode(r) AS target
  RETURN collect({id: r.id, type: type(r), factId: r.factId, label: r.label,
                  from: source { {{ENTITY_PROPERTIES}} }, to: target { {{ENTITY_PROPERTIES}} }}) AS edges
}
RETURN [n IN nodes(p) | n { {{ENTITY_PROPERTIES}} }] AS nodes, edges

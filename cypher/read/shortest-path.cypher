// 6 is the hard ceiling of MAX_PATH_DEPTH (a variable-length bound cannot be a parameter); $maxDepth cuts below it.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[*..6]-(b))
WHERE all(n IN nodes(p) WHERE n:Entity) AND ($types IS NULL OR all(r IN relationships(p) WHERE type(r) IN $types))
WITH p
WHERE length(p) <= $maxDepth
RETURN [n IN nodes(p) | n {.*, text: null}] AS nodes,
       [r IN relationships(p) | {id: r.id, type: type(r), factId: r.factId, label: r.label,
                                 from: startNode(r) {.*, text: null}, to: endNode(r) {.*, text: null}}] AS edges

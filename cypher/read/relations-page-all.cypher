// All relations between entities (optionally of one type), in id order.
MATCH (a:Entity)-[r:{{RELATION_TYPES}}]->(b:Entity)
WHERE r.id > $after AND r.id < $before AND ($type IS NULL OR type(r) = $type)
RETURN {id: r.id, type: type(r), factId: r.factId, label: r.label, from: a { {{ENTITY_PROPERTIES}} }, to: b { {{ENTITY_PROPERTIES}} }} AS relation
ORDER BY r.id {{ORDER}}
LIMIT $limit

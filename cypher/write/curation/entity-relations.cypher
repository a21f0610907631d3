// The current relations of an entity, either direction, as rows for write/create-relations.
MATCH (e:Entity {id: $id})-[r:{{RELATION_TYPES}}]-(:Entity)
WITH DISTINCT r
RETURN type(r) AS type, r.id AS id, startNode(r).id AS from, endNode(r).id AS to, r.factId AS factId, r.label AS label

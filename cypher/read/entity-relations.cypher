// A page of relations for each entity of a batch, with both endpoints, so nested fields need no further round trip.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL {
  WITH e
  MATCH (e)-[r:{{RELATION_TYPES}}]-(other:Entity)
  WHERE r.id > $after AND r.id < $before
    AND ($types IS NULL OR type(r) IN $types)
    AND ($direction = 'BOTH'
      OR ($direction = 'OUTGOING' AND startNode(r) = e)
      OR ($direction = 'INCOMING' AND endNode(r) = e))
  WITH DISTINCT r
  ORDER BY r.id {{ORDER}}
  LIMIT $limit
  WITH r, startNode(r) AS source, endNode(r) AS target
  RETURN collect({
    id: r.id, type: type(r), factId: r.factId, label: r.label,
    from: source { {{ENTITY_PROPERTIES}} }, to: target { {{ENTITY_PROPERTIES}} }
  }) AS relations
}
RETURN id, relations

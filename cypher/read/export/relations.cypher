// Export (src/export): the relations leaving one keyset page of entities (in id order), each entity's in id
// order. Paged by source entity, whose id is indexed: a page of relations by r.id would sort them all each time.
MATCH (a:Entity)
WHERE a.id > $after
WITH a
ORDER BY a.id
LIMIT $limit
RETURN a.id AS id, COLLECT {
  MATCH (a)-[r:{{RELATION_TYPES}}]->(b:Entity)
  WITH r, b
  ORDER BY r.id
  RETURN {id: r.id, type: type(r), factId: r.factId, label: r.label, from: a.id, to: b.id}
} AS relations

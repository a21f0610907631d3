// Current relations by id (node/nodes, _entities). A relation's id is not indexed: each is found from the
// entities its fact is about ($rows: {id, fact}), so a lookup costs the degree of those entities, not a scan.
UNWIND $rows AS row
MATCH (:Fact {id: row.fact})-[:ABOUT]->(:Entity)-[r:{{RELATION_TYPES}}]-(:Entity)
WHERE r.id = row.id
WITH DISTINCT row, r, startNode(r) AS a, endNode(r) AS b
RETURN {id: r.id, type: type(r), factId: r.factId, label: r.label, from: a { {{ENTITY_PROPERTIES}} }, to: b { {{ENTITY_PROPERTIES}} }} AS relation

// Merges entity $from into $into (revision $sequence): the relations and ABOUT edges of $from are replaced by
// history edges (WAS_RELATED, WAS_ABOUT with `until`), its ABOUT edges recreated on $into (`since` = the merge);
// the citations and quantities that name it are repointed; it loses its :Entity and kind labels and becomes a
// :Redirect to $into. Its relations are recreated on $into by write/create-relations, from the rows
// write/curation/entity-relations returned first.
MATCH (from:Entity {id: $from})
MATCH (into:Entity {id: $into})
CALL {
  WITH from
  MATCH (from)-[r:{{RELATION_TYPES}}]-(:Entity)
  WITH DISTINCT r
  WITH r, startNode(r) AS a, endNode(r) AS b
  CREATE (a)-[:WAS_RELATED {type: type(r), id: r.id, factId: r.factId, label: r.label, since: coalesce(r.since, 0), until: $sequence}]->(b)
  DELETE r
}
CALL {
  WITH from, into
  MATCH (f:Fact)-[about:ABOUT]->(from)
  CREATE (f)-[:WAS_ABOUT {role: about.role, since: coalesce(about.since, 0), until: $sequence}]->(from)
  CREATE (f)-[:ABOUT {role: about.role, since: $sequence}]->(into)
  DELETE about
}
CALL {
  WITH from, into
  MATCH (c:Citation)-[old:SAID_BY]->(from)
  CREATE (c)-[:SAID_BY]->(into)
  SET c.saidBy = into.id
  DELETE old
}
CALL {
  WITH from, into
  MATCH (c:Citation)-[old:REPORTED_BY]->(from)
  CREATE (c)-[:REPORTED_BY]->(into)
  SET c.reportedBy = into.id
  DELETE old
}
CALL {
  WITH from, into
  MATCH (q:Quantity)-[old:MEASURES]->(from)
  CREATE (q)-[:MEASURES]->(into)
  SET q.item = into.id
  DELETE old
}
REMOVE from:Entity:{{ENTITY_LABELS}}
SET from:Redirect, from.mergedInto = into.id, from.mergedIn = $sequence, from.revision = $sequence,
  into.revision = $sequence
RETURN from.id AS id

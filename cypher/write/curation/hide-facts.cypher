// Facts leaving the current graph (retracted, deprecated, revised): each ABOUT edge and each relation it
// projects is replaced by a history edge with `until` (WAS_ABOUT, WAS_RELATED), which current reads never
// traverse. Relations are found between the entities the fact is ABOUT, never by scanning a hub.
UNWIND $ids AS id
MATCH (f:Fact {id: id})
CALL {
  WITH f
  MATCH (f)-[:ABOUT]->(a:Entity)
  MATCH (f)-[:ABOUT]->(b:Entity)
  MATCH (a)-[r:{{RELATION_TYPES}}]->(b)
  WHERE r.factId = f.id
  WITH DISTINCT a, r, b
  CREATE (a)-[:WAS_RELATED {type: type(r), id: r.id, factId: r.factId, label: r.label, since: coalesce(r.since, 0), until: $sequence}]->(b)
  DELETE r
}
CALL {
  WITH f
  MATCH (f)-[about:ABOUT]->(e:Entity)
  CREATE (f)-[:WAS_ABOUT {role: about.role, since: coalesce(about.since, 0), until: $sequence}]->(e)
  DELETE about
}
RETURN count(f) AS hidden

// How many facts each source of a batch backs (visible ones, or with $includeRetracted every current fact):
// exact up to $limit; `estimate` is the stored degree of the citations naming the source, for beyond $limit.
UNWIND $ids AS id
MATCH (s:Entity {id: id})
CALL {
  WITH s
  MATCH (s)<-[:SAID_BY|REPORTED_BY|QUOTED_FROM]-(:Citation)<-[:CITED_BY]-(f:Fact)
  WITH DISTINCT f
  WHERE $includeRetracted OR EXISTS { (f)-[:ABOUT]->() }
  WITH f LIMIT $limit
  RETURN count(f) AS exact
}
RETURN id, exact, COUNT { (s)<-[:SAID_BY|REPORTED_BY|QUOTED_FROM]-() } AS estimate

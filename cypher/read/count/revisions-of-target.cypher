// How many revisions changed one entity or fact: exact up to $limit; `estimate` counts its changes (an index
// seek, no revision read), for beyond $limit.
CALL {
  MATCH (:Change {target: $target})<-[:HAS_CHANGE]-(r:Revision)
  WITH DISTINCT r LIMIT $limit
  RETURN count(r) AS exact
}
RETURN exact, COUNT { (:Change {target: $target}) } AS estimate

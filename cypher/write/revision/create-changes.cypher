// A batch of the revision's changes; `before` and `after` are JSON text.
MATCH (r:Revision {sequence: $sequence})
UNWIND $rows AS row
CREATE (r)-[:HAS_CHANGE {index: row.index}]->(c:Change)
SET c = row.props, c.revision = $sequence
RETURN count(*) AS written

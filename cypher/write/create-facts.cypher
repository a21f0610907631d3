// A batch of facts, each created with everything it owns in one pass: ABOUT links to the entities it is about
// (with their roles), its quantities and its citations (with the entities they are quoted from, said and
// reported by). CREATE, not MERGE: the write diffed them against the graph first, so these are new (or new
// versions, the old node archived first); a fact id another dataset uses fails the uniqueness constraint and the
// whole write. `since` on ABOUT is the revision that adds the edge (docs/curation-model.md).
UNWIND $rows AS row
CREATE (f:Fact)
SET f = row.props
WITH f, row
CALL {
  WITH f, row
  UNWIND row.about AS about
  MATCH (e:Entity {id: about.entity})
  CREATE (f)-[:ABOUT {role: about.role, since: $sequence}]->(e)
}
CALL {
  WITH f, row
  UNWIND row.quantities AS quantity
  CREATE (f)-[:HAS_QUANTITY]->(q:Quantity)
  SET q = quantity.props
  WITH q, quantity
  MATCH (item:Entity {id: quantity.props.item})
  CREATE (q)-[:MEASURES]->(item)
}
CALL {
  WITH f, row
  UNWIND row.citations AS citation
  MATCH (document:Entity {id: citation.props.document})
  MATCH (saidBy:Entity {id: citation.props.saidBy})
  CREATE (f)-[:CITED_BY]->(c:Citation)-[:QUOTED_FROM]->(document)
  CREATE (c)-[:SAID_BY]->(saidBy)
  SET c = citation.props
  WITH c, citation
  MATCH (medium:Entity {id: citation.props.reportedBy})
  CREATE (c)-[:REPORTED_BY]->(medium)
}
RETURN count(*) AS written

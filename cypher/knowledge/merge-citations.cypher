UNWIND $rows AS row
MATCH (f:Fact {id: row.fact})
MATCH (document:Entity {id: row.props.document})
MATCH (saidBy:Entity {id: row.props.saidBy})
MERGE (c:Citation {id: row.id})
SET c = row.props
MERGE (f)-[:CITED_BY]->(c)
MERGE (c)-[:QUOTED_FROM]->(document)
MERGE (c)-[:SAID_BY]->(saidBy)
WITH c, row
WHERE row.props.reportedBy IS NOT NULL
MATCH (medium:Entity {id: row.props.reportedBy})
MERGE (c)-[:REPORTED_BY]->(medium)

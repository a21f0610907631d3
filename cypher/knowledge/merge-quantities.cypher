UNWIND $rows AS row
MATCH (f:Fact {id: row.fact})
MERGE (q:Quantity {id: row.id})
SET q = row.props
MERGE (f)-[:HAS_QUANTITY]->(q)
WITH q, row
WHERE row.props.item IS NOT NULL
MATCH (item:Entity {id: row.props.item})
MERGE (q)-[:MEASURES]->(item)

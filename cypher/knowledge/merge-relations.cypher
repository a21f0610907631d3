// {{type}} is a relation type from the RelationType enumeration, chosen in code, never from input text.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:{{type}} {id: row.id}]->(b)
SET r.factId = row.factId, r.label = row.label

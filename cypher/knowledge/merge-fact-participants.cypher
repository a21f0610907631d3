UNWIND $rows AS row
MATCH (f:Fact {id: row.fact})
MATCH (e:Entity {id: row.entity})
MERGE (f)-[:ABOUT {role: row.role}]->(e)

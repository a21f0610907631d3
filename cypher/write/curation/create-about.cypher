UNWIND $rows AS row
MATCH (f:Fact {id: row.fact})
MATCH (e:Entity {id: row.entity})
CREATE (f)-[:ABOUT {role: row.role, since: $sequence}]->(e)
RETURN count(*) AS written

[(f)-[:CITED_BY]->(:Citation)-[:QUOTED_FROM|SAID_BY|REPORTED_BY]->(x:Entity) | x { {{ENTITY_PROPERTIES}} }]

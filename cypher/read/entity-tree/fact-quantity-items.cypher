[(f)-[:HAS_QUANTITY]->(:Quantity)-[:MEASURES]->(x:Entity) | x { {{ENTITY_PROPERTIES}} }]

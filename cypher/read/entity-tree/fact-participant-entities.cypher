[(f)-[:ABOUT]->(p:Entity) | p { {{ENTITY_PROPERTIES}} }]

[({{fact}})-[:ABOUT]->(p:Entity) | p {.*, text: null}]
  + [({{fact}})-[:CITED_BY]->(:Citation)-[:QUOTED_FROM|SAID_BY|REPORTED_BY]->(x:Entity) | x {.*, text: null}]
  + [({{fact}})-[:HAS_QUANTITY]->(:Quantity)-[:MEASURES]->(x:Entity) | x {.*, text: null}]

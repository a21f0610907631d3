// The entity-to-entity relations projected from the dataset's facts (they carry the fact id).
MATCH (f:Fact {dataset: $dataset})-[:ABOUT]->(e:Entity)
MATCH (e)-[r]-(:Entity)
WHERE r.factId = f.id
WITH DISTINCT r
DELETE r

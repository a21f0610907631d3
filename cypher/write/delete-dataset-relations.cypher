// The entity-to-entity relations projected from the dataset's facts (they carry the fact id). Each such
// relation joins two entities the fact is ABOUT (subject and object, or event and participant), so it is
// found by expanding between those two bound nodes, never by scanning all relations of a hub.
MATCH (f:Fact {dataset: $dataset})-[:ABOUT]->(a:Entity)
MATCH (f)-[:ABOUT]->(b:Entity)
MATCH (a)-[r:{{RELATION_TYPES}}]->(b)
WHERE r.factId = f.id
WITH DISTINCT r
DELETE r

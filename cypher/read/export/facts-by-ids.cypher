// Export (src/export): the current facts of a neighbourhood's relations, whole.
UNWIND $ids AS id
MATCH (f:Fact {id: id})
WHERE EXISTS { (f)-[:ABOUT]->(:Entity) }
RETURN {{FACT_PROJECTION}} AS fact
ORDER BY f.id

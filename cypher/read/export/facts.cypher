// Export (src/export): one keyset page of the current facts in id order. A hidden fact (retracted, deprecated)
// has no ABOUT edge, so it is left out, as current reads leave it out.
MATCH (f:Fact)
WHERE f.id > $after AND EXISTS { (f)-[:ABOUT]->(:Entity) }
WITH f
ORDER BY f.id
LIMIT $limit
RETURN {{FACT_PROJECTION}} AS fact

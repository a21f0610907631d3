// Export (src/export): totals for the progress bar, from the count store (no scan). Facts include hidden ones.
CALL { MATCH (e:Entity) RETURN count(e) AS entities }
CALL { MATCH (f:Fact) RETURN count(f) AS facts }
CALL { MATCH ()-[r:{{RELATION_TYPES}}]->() RETURN count(r) AS relations }
RETURN entities, facts, relations

// Entities for a batch of ids as of revision $asOf: the entity, or the one it was merged into then (the
// repository follows mergedInto), or a redirect not merged yet (the old entity); null before it was created.
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
OPTIONAL MATCH (m:Redirect {id: id})
WITH id, coalesce(e, m) AS n
WHERE n IS NOT NULL
{{ENTITY_AS_OF}}
RETURN id, entity, CASE WHEN n:Redirect AND n.mergedIn <= $asOf THEN n.mergedInto END AS mergedInto

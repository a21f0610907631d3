// Entities in id order as of $asOf: today's entities and those merged away since, as they were then.
// Kind is the kind then: an entity with versions may have had another.
CALL {
  MATCH (n:Entity) WHERE n.id > $after AND n.id < $before RETURN n
  UNION
  MATCH (n:Redirect) WHERE n.id > $after AND n.id < $before AND n.mergedIn > $asOf RETURN n
}
WITH n
WHERE coalesce(n.created, 0) <= $asOf
  AND ($kind IS NULL OR n.kind = $kind OR EXISTS { MATCH (:EntityVersion {entity: n.id}) })
{{ENTITY_AS_OF}}
WITH entity
WHERE entity IS NOT NULL AND ($kind IS NULL OR entity.kind = $kind)
RETURN entity
ORDER BY entity.id {{ORDER}}
LIMIT $limit

// The sources as of $asOf (as sources.cypher, over today's entities and those merged away since).
CALL {
  MATCH (n:Entity) RETURN n
  UNION
  MATCH (n:Redirect) WHERE n.mergedIn > $asOf RETURN n
}
WITH n
// The kind then is the node's, or an older version's when it has versions.
WHERE coalesce(n.created, 0) <= $asOf AND (n.kind IN $kinds OR EXISTS { MATCH (:EntityVersion {entity: n.id}) })
{{ENTITY_AS_OF}}
WITH entity
WHERE entity IS NOT NULL AND entity.kind IN $kinds
RETURN entity
ORDER BY entity.id

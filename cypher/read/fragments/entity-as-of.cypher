CALL {
  WITH n
  OPTIONAL MATCH (v:EntityVersion {entity: n.id})
  WHERE coalesce(v.since, 0) <= $asOf AND v.until > $asOf
  WITH n, v
  ORDER BY v.since DESC
  LIMIT 1
  RETURN CASE
    WHEN n IS NULL OR coalesce(n.created, 0) > $asOf THEN null
    WHEN coalesce(n.since, 0) <= $asOf THEN n { {{ENTITY_PROPERTIES}}, revision: n.since }
    ELSE v { {{ENTITY_PROPERTIES}}, id: n.id, revision: v.since }
  END AS entity
}

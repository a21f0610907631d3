MATCH (s:Entity)
WHERE s.kind IN $kinds
RETURN s { {{ENTITY_PROPERTIES}} } AS entity
ORDER BY s.id

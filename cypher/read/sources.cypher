MATCH (s:Entity)
WHERE s.kind IN $kinds
RETURN s {.*, text: null} AS entity
ORDER BY s.id

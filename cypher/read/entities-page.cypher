// Keyset pagination in id order: the uniqueness constraint's index gives the order, so a page costs the same on any page.
MATCH (e:Entity)
WHERE e.id > $after AND ($kind IS NULL OR e.kind = $kind)
RETURN e { {{ENTITY_PROPERTIES}} } AS entity
ORDER BY e.id
LIMIT $limit

// Keyset pagination in id order, between $after and $before: the uniqueness constraint's index gives the order
// (either way: {{ORDER}} is DESC for `last`, the page reversed back in code), so a page costs the same anywhere.
MATCH (e:Entity)
WHERE e.id > $after AND e.id < $before AND ($kind IS NULL OR e.kind = $kind)
RETURN e { {{ENTITY_PROPERTIES}} } AS entity
ORDER BY e.id {{ORDER}}
LIMIT $limit

// Export (src/export): one keyset page of entities in id order; the uniqueness constraint's index gives the order.
MATCH (e:Entity)
WHERE e.id > $after
RETURN e { {{ENTITY_PROPERTIES}} } AS entity
ORDER BY e.id
LIMIT $limit

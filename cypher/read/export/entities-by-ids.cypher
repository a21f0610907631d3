// Export (src/export): the entities of a neighbourhood and those its facts refer to, as stored.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e { {{ENTITY_PROPERTIES}} } AS entity
ORDER BY e.id

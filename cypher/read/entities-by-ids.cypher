// Entities for a batch of ids (one round trip per DataLoader batch). The document text is left out: it is fetched only when asked.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e { {{ENTITY_PROPERTIES}} } AS entity

// One entity and everything the selection nests under it (see README.md).
MATCH ({{entity}}:Entity {id: $id})
RETURN {{projection}} AS entity

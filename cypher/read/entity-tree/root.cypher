// One entity and everything the selection nests under it, level by level (see README.md): each level works on
// the DISTINCT entities the level above reached, so a hub reached ten times is expanded once.
MATCH ({{entity}}:Entity {id: $id})
WITH {{entity}}, [{{entity}}] AS {{owners}}
{{levels}}
RETURN {{entity}} { {{ENTITY_PROPERTIES}} } AS entity, { {{lists}} } AS lists, {{entities}} AS entities, {{facts}} AS facts

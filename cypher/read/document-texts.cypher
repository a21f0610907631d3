UNWIND $ids AS id
MATCH (d:Entity {id: id})
RETURN id, d.text AS text

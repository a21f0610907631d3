UNWIND $ids AS id
MATCH (e:Entity {id: id})
SET e.revision = $sequence
RETURN count(e) AS written

// Before an entity's properties change: its old ones as an :EntityVersion valid from its `since` until this
// revision (the document text stays on the entity: it never changes).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CREATE (v:EntityVersion)
SET v = properties(e), v.entity = e.id, v.since = coalesce(e.since, 0), v.until = $sequence
REMOVE v.id, v.text
RETURN count(v) AS written

// Ids merged into these ids earlier (one link of a redirect chain).
UNWIND $ids AS id
MATCH (r:Redirect {mergedInto: id})
RETURN r.id AS id

// The texts of documents a new fact quotes, read in the fact's own transaction (quotes are found in them).
UNWIND $ids AS id
MATCH (d:Entity {id: id})
WHERE d.text IS NOT NULL
RETURN id, d.text AS text

// Takes the dataset node's write lock first (setting and removing a property is a write), so concurrent loads
// of one knowledge file run one after another; returns the content hash recorded by the last load.
MERGE (d:Dataset {id: $dataset})
SET d.locked = true
REMOVE d.locked
RETURN d.sha256 AS sha256

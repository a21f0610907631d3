// Revised facts: the old node (already hidden) becomes a :FactVersion, keeping its quantities and citations;
// a new :Fact with the same id is created beside it.
UNWIND $ids AS id
MATCH (f:Fact {id: id})
REMOVE f:Fact
SET f:FactVersion, f.versionOf = id, f.until = $sequence
RETURN count(f) AS archived

// A fact's mutable state: its rank and the history of its ranks, its retraction. Its content never changes.
UNWIND $rows AS row
MATCH (f:Fact {id: row.id})
SET f += row.props, f.revision = $sequence
RETURN count(f) AS written

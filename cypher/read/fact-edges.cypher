// The ABOUT and WAS_ABOUT edges of hidden facts (retracted, deprecated): they have no ABOUT edge, so their
// participants are the history edges that ended last. Asked only for such facts, so current reads cost what
// they did.
UNWIND $ids AS id
MATCH (f:Fact {id: id})
RETURN id, {{FACT_EDGES}} AS edges

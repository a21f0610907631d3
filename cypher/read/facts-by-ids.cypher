// Facts with their quantities, citations and participants: everything a Fact field needs, in one round trip.
// `edges` too: a hidden fact (retracted, deprecated) has only WAS_ABOUT edges, its participants then.
UNWIND $ids AS id
MATCH (f:Fact {id: id})
RETURN {{FACT_PROJECTION}} AS fact, {{FACT_EDGES}} AS edges

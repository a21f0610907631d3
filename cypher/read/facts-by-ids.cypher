// Facts with their quantities, citations and participants: everything a Fact field needs, in one round trip.
UNWIND $ids AS id
MATCH (f:Fact {id: id})
RETURN {{FACT_PROJECTION}} AS fact

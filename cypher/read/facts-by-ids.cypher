// Facts with their quantities, citations and participants: everything a Fact field needs, in one round trip.
UNWIND $ids AS id
MATCH (f:Fact {id: id})
RETURN f {
  .*,
  quantities: [(f)-[:HAS_QUANTITY]->(q) | q {.*}],
  citations: [(f)-[:CITED_BY]->(c) | c {.*}],
  participants: [(f)-[a:ABOUT]->(p:Entity) | {role: a.role, entity: p.id}]
} AS fact

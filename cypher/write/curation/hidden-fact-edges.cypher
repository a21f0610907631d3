// What a hidden fact showed last (its history edges that ended last): the edges to create again when it is
// shown again. Relations come back as rows, so they are created by type with write/create-relations.
UNWIND $ids AS id
MATCH (f:Fact {id: id})
CALL {
  WITH f
  MATCH (f)-[w:WAS_ABOUT]->(:Entity)
  RETURN max(w.until) AS last
}
CALL {
  WITH f, last
  MATCH (f)-[w:WAS_ABOUT {until: last}]->(e:Entity)
  RETURN collect({role: w.role, entity: e.id}) AS about
}
CALL {
  WITH f, last
  MATCH (f)-[:WAS_ABOUT {until: last}]->(a:Entity)
  MATCH (f)-[:WAS_ABOUT {until: last}]->(b:Entity)
  MATCH (a)-[w:WAS_RELATED {until: last}]->(b)
  WHERE w.factId = f.id
  WITH DISTINCT a, w, b
  RETURN collect({type: w.type, id: w.id, from: a.id, to: b.id, factId: w.factId, label: w.label}) AS relations
}
RETURN f.id AS id, about, relations

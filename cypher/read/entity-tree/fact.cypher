f {
  .*,
  quantities: [(f)-[:HAS_QUANTITY]->(q) | q {.*}],
  citations: [(f)-[:CITED_BY]->(c) | c {.*}],
  participants: [(f)-[a:ABOUT]->(p:Entity) | {role: a.role, entity: p.id}],
  referenced: {{referenced}}
}

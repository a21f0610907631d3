{{fact}} {
  .*,
  quantities: [({{fact}})-[:HAS_QUANTITY]->(q) | q {.*}],
  citations: [({{fact}})-[:CITED_BY]->(c) | c {.*}],
  participants: [({{fact}})-[a:ABOUT]->(p:Entity) | {role: a.role, entity: p.id}],
  referenced: {{referenced}}
}

[(f)-[a:ABOUT]->(p:Entity) | {role: a.role, entity: p.id}]

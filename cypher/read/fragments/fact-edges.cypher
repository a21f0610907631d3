[(f)-[a:ABOUT|WAS_ABOUT]->(p) | {role: a.role, entity: p.id, since: a.since, until: a.until}]

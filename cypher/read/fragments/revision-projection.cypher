r {.*, changes: COLLECT { MATCH (r)-[h:HAS_CHANGE]->(c:Change) WITH h, c ORDER BY h.index RETURN c {.*} }}

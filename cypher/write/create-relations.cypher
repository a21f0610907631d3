// The entity-to-entity relations projected from a batch of facts. {{type}} is a relation type from the
// RelationType enumeration, chosen in code, never from input text. CREATE, not MERGE: a relation's id is its
// fact's id plus a role, and the fact was created (or shown again) in this transaction, since revision $sequence.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[:{{type}} {id: row.id, factId: row.factId, label: row.label, since: $sequence}]->(b)
RETURN count(*) AS written

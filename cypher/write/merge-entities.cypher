// {{label}} is the entity kind's label (Person, Organization, …), taken from a fixed list in code, never from input text.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e += row.props
REMOVE e:{{ENTITY_LABELS}}
SET e:{{label}}

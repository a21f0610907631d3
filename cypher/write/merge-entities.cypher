// {{label}} is the entity kind's label (Person, Organization, …), taken from a fixed list in code, never from input text;
// {{ENTITY_LABELS}} is every kind's label (src/vocabulary), so an entity whose kind changed loses its old label.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e += row.props
REMOVE e:{{ENTITY_LABELS}}
SET e:{{label}}

// A changed knowledge file replaces its facts whole; entities are merged, never deleted (other files may share them).
MATCH (f:Fact {dataset: $dataset})
CALL {
  WITH f
  MATCH (f)-[:HAS_QUANTITY|CITED_BY]->(part)
  DETACH DELETE part
}
DETACH DELETE f

// The changes of a batch of revisions, in their order within each revision.
UNWIND $sequences AS sequence
MATCH (r:Revision {sequence: sequence})
CALL {
  WITH r
  MATCH (r)-[h:HAS_CHANGE]->(c:Change)
  WITH h, c
  ORDER BY h.index
  RETURN collect(c {.*}) AS changes
}
RETURN sequence, changes

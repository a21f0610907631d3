// The facts behind {{relations}}, once each.
CALL {
  WITH {{relations}}
  UNWIND {{relations}} AS r
  WITH DISTINCT r.factId AS factId
  MATCH (f:Fact {id: factId})
  WITH f, {{factProjection}} AS fact
  RETURN collect({{factRecord}}) AS {{facts}}
}

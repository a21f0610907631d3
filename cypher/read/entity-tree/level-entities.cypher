// The entities at either end of {{relations}}, once each.
CALL {
  WITH {{relations}}
  UNWIND {{relations}} AS r
  UNWIND [startNode(r), endNode(r)] AS n
  WITH DISTINCT n
  RETURN collect(n { {{ENTITY_PROPERTIES}} }) AS {{entities}}
}

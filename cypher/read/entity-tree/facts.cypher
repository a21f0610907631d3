COLLECT {
  MATCH ({{entity}})<-[:ABOUT]-({{fact}}:Fact)
  WHERE ${{types}} IS NULL OR {{fact}}.type IN ${{types}}
  WITH DISTINCT {{fact}}
  ORDER BY {{fact}}.id
  LIMIT ${{limit}}
  RETURN {{factProjection}}
}

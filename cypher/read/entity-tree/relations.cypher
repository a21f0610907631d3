COLLECT {
  MATCH ({{entity}})-[{{relation}}]-(:Entity)
  WHERE {{relation}}.id > ${{after}}
    AND (${{types}} IS NULL OR type({{relation}}) IN ${{types}})
    AND (${{direction}} = 'BOTH'
      OR (${{direction}} = 'OUTGOING' AND startNode({{relation}}) = {{entity}})
      OR (${{direction}} = 'INCOMING' AND endNode({{relation}}) = {{entity}}))
  WITH DISTINCT {{relation}}
  ORDER BY {{relation}}.id
  LIMIT ${{limit}}
  WITH {{relation}}, startNode({{relation}}) AS {{from}}, endNode({{relation}}) AS {{to}}
  RETURN {id: {{relation}}.id, type: type({{relation}}), factId: {{relation}}.factId, label: {{relation}}.label,
          from: {{fromProjection}}, to: {{toProjection}}, fact: {{factOfRelation}}}
}

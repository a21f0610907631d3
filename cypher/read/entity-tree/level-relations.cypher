// A page of relations of each distinct entity of {{owners}}, endpoints named by id ({{order}}: DESC for a
// backward page, reversed back in code).
CALL {
  WITH {{owners}}
  UNWIND {{owners}} AS owner
  CALL {
    WITH owner
    MATCH (owner)-[r:{{RELATION_TYPES}}]-(:Entity)
    WHERE r.id > ${{after}} AND r.id < ${{before}}
      AND (${{types}} IS NULL OR type(r) IN ${{types}})
      AND (${{direction}} = 'BOTH'
        OR (${{direction}} = 'OUTGOING' AND startNode(r) = owner)
        OR (${{direction}} = 'INCOMING' AND endNode(r) = owner))
    WITH DISTINCT r
    ORDER BY r.id {{order}}
    LIMIT ${{limit}}
    RETURN collect(r) AS page
  }
  RETURN collect({owner: owner.id, items: [r IN page | {id: r.id, type: type(r), factId: r.factId, label: r.label,
                                                        from: startNode(r).id, to: endNode(r).id}]}) AS {{items}},
         reduce(all = [], p IN collect(page) | all + p) AS {{relations}}
}

// A page of the facts of each distinct entity of {{owners}}: keyset on rank then id, as
// cypher/read/fragments/fact-keyset ({{order}}: DESC for a backward page, reversed back in code). Only facts
// have ABOUT links: no label check per fact (a hub has tens of thousands).
CALL {
  WITH {{owners}}
  UNWIND {{owners}} AS owner
  CALL {
    WITH owner
    MATCH (owner)<-[:ABOUT]-(f)
    WHERE ${{types}} IS NULL OR f.type IN ${{types}}
    WITH DISTINCT f
    WITH f, CASE f.rank WHEN 'PREFERRED' THEN 0 ELSE 1 END AS rankKey
    WHERE (rankKey > ${{afterRank}} OR (rankKey = ${{afterRank}} AND f.id > ${{afterId}}))
      AND (rankKey < ${{beforeRank}} OR (rankKey = ${{beforeRank}} AND f.id < ${{beforeId}}))
    WITH f, rankKey
    ORDER BY rankKey {{order}}, f.id {{order}}
    LIMIT ${{limit}}
    WITH f, {{factProjection}} AS fact
    RETURN collect({{factRecord}}) AS page
  }
  RETURN collect({owner: owner.id, items: page}) AS {{items}}
}

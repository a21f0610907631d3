// The first facts of each distinct entity of {{owners}}. Only facts have ABOUT links: no label check per fact
// (a hub has tens of thousands).
CALL {
  WITH {{owners}}
  UNWIND {{owners}} AS owner
  CALL {
    WITH owner
    MATCH (owner)<-[:ABOUT]-(f)
    WHERE ${{types}} IS NULL OR f.type IN ${{types}}
    WITH DISTINCT f
    ORDER BY CASE f.rank WHEN 'PREFERRED' THEN 0 ELSE 1 END, f.id
    LIMIT ${{limit}}
    WITH f, {{factProjection}} AS fact
    RETURN collect({{factRecord}}) AS page
  }
  RETURN collect({owner: owner.id, items: page}) AS {{items}}
}

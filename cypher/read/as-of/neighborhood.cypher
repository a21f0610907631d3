// As of $asOf (as neighborhood.cypher, over current relations and history edges valid then, entities as they
// were then). Breadth-first exploration around one entity, one layer per CALL: 3 layers (NEIGHBORHOOD_DEPTH_CEILING in
// src/config/config.ts; $depth, at most MAX_NEIGHBORHOOD_DEPTH, gates the deeper ones), at most $maxNodes
// entities, and at most $maxEdges relations read per layer, so a hub with thousands of neighbours costs a
// bounded amount of work. `truncated` says when a limit cut the result.
MATCH (center:Entity|Redirect {id: $id})
WITH center, [center] AS seen, [center] AS frontier
CALL {
  WITH seen, frontier
  UNWIND CASE WHEN $depth >= 1 THEN frontier ELSE [] END AS n
  MATCH (n)-[r:{{RELATION_TYPES}}|WAS_RELATED]-(m:Entity|Redirect)
  WHERE coalesce(r.since, 0) <= $asOf AND (r.until IS NULL OR r.until > $asOf) AND ($types IS NULL OR CASE type(r) WHEN 'WAS_RELATED' THEN r.type ELSE type(r) END IN $types)
  WITH r, m LIMIT $maxEdges
  WITH collect(r) AS rels, collect(DISTINCT m) AS reached
  RETURN rels AS rels1, reached AS reached1, size(rels) >= $maxEdges AS cut1
}
WITH center, seen, frontier, rels1, cut1, [x IN reached1 WHERE NOT x IN seen] AS new1
WITH center, seen + new1[..($maxNodes - size(seen))] AS seen, new1[..($maxNodes - size(seen))] AS frontier,
     rels1 AS rels, cut1 OR size(new1) > $maxNodes - size(seen) AS truncated
CALL {
  WITH seen, frontier
  UNWIND CASE WHEN $depth >= 2 THEN frontier ELSE [] END AS n
  MATCH (n)-[r:{{RELATION_TYPES}}|WAS_RELATED]-(m:Entity|Redirect)
  WHERE coalesce(r.since, 0) <= $asOf AND (r.until IS NULL OR r.until > $asOf) AND ($types IS NULL OR CASE type(r) WHEN 'WAS_RELATED' THEN r.type ELSE type(r) END IN $types)
  WITH r, m LIMIT $maxEdges
  WITH collect(r) AS rels, collect(DISTINCT m) AS reached
  RETURN rels AS rels2, reached AS reached2, size(rels) >= $maxEdges AS cut2
}
WITH center, seen, frontier, rels2, cut2, [x IN reached2 WHERE NOT x IN seen] AS new2, rels, truncated
WITH center, seen + new2[..($maxNodes - size(seen))] AS seen, new2[..($maxNodes - size(seen))] AS frontier,
     rels + rels2 AS rels, truncated OR cut2 OR size(new2) > $maxNodes - size(seen) AS truncated
CALL {
  WITH seen, frontier
  UNWIND CASE WHEN $depth >= 3 THEN frontier ELSE [] END AS n
  MATCH (n)-[r:{{RELATION_TYPES}}|WAS_RELATED]-(m:Entity|Redirect)
  WHERE coalesce(r.since, 0) <= $asOf AND (r.until IS NULL OR r.until > $asOf) AND ($types IS NULL OR CASE type(r) WHEN 'WAS_RELATED' THEN r.type ELSE type(r) END IN $types)
  WITH r, m LIMIT $maxEdges
  WITH collect(r) AS rels, collect(DISTINCT m) AS reached
  RETURN rels AS rels3, reached AS reached3, size(rels) >= $maxEdges AS cut3
}
WITH center, seen, frontier, rels3, cut3, [x IN reached3 WHERE NOT x IN seen] AS new3, rels, truncated
WITH center, seen + new3[..($maxNodes - size(seen))] AS seen, rels + rels3 AS rels,
     truncated OR cut3 OR size(new3) > $maxNodes - size(seen) AS truncated
CALL {
  WITH seen, rels
  UNWIND rels AS r
  WITH seen, r, startNode(r) AS source, endNode(r) AS target
  WHERE source IN seen AND target IN seen
  WITH DISTINCT r, source, target
  // Endpoints by id only: both are among the nodes returned, so sending them again per edge would only
  // multiply the bytes on the wire (a 200-node neighbourhood has hundreds of edges).
  RETURN collect({id: r.id, type: CASE type(r) WHEN 'WAS_RELATED' THEN r.type ELSE type(r) END, factId: r.factId, label: r.label, from: source.id, to: target.id}) AS edges
}
CALL {
  WITH seen
  UNWIND seen AS n
  {{ENTITY_AS_OF}}
  RETURN collect(entity) AS nodes
}
RETURN center.id AS centerId, nodes, edges, truncated

// The revisions that changed one entity or fact (every version of a fact shares its id), oldest first:
// a seek on the Change.target index, never a scan.
MATCH (c:Change {target: $target})<-[:HAS_CHANGE]-(r:Revision)
WHERE r.sequence > $after AND r.sequence < $before
WITH DISTINCT r
ORDER BY r.sequence {{ORDER}}
LIMIT $limit
RETURN {{REVISION_PROJECTION}} AS revision

// The current properties `$keys` of entities (never the document text, which can be large), and the ids that
// are redirects (merged away).
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
OPTIONAL MATCH (redirect:Redirect {id: id})
WITH id, e, redirect
WHERE e IS NOT NULL OR redirect IS NOT NULL
RETURN id,
  CASE WHEN e IS NULL THEN null ELSE [key IN $keys | e[key]] END AS values,
  e.revision AS revision,
  redirect.mergedInto AS mergedInto
